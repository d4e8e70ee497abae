namespace Steward.Features.People;

/// <summary>The eight roles of DESIGN.md. Site roles carry a site; district roles do not.</summary>
public enum Role
{
    DistrictAdmin,
    DeputySuperintendent,
    EthicsOffice,
    SocialMediaAdmin,
    PublicInformation,
    Principal,
    SiteDesignee,
    Staff,
}

internal static class Roles
{
    public static bool IsSiteRole(this Role role) => role is Role.Principal or Role.SiteDesignee or Role.Staff;

    /// <summary>Principal and site designee: the "site leads" who approve, keep the vault and submit the list.</summary>
    public static bool IsSiteLead(this Role role) => role is Role.Principal or Role.SiteDesignee;

    public static readonly Role[] District =
        [Role.DistrictAdmin, Role.DeputySuperintendent, Role.EthicsOffice, Role.SocialMediaAdmin, Role.PublicInformation];

    public static string Describe(this Role role) => role switch
    {
        Role.DistrictAdmin => "Superintendent or designee",
        Role.DeputySuperintendent => "Deputy Superintendent of Education Services or designee",
        Role.EthicsOffice => "Office of Employee Relations and Ethics",
        Role.SocialMediaAdmin => "Education Services Social Media Administrator",
        Role.PublicInformation => "Director of Public Information",
        Role.Principal => "Principal",
        Role.SiteDesignee => "Principal's site designee",
        Role.Staff => "Staff member",
        _ => role.ToString(),
    };
}
