using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Auth;

/// <summary>Named policies for district-level operations.</summary>
internal static class Policies
{
    public const string DistrictAdmin = nameof(DistrictAdmin);
    /// <summary>Audit readers: DistrictAdmin, EthicsOffice, DeputySuperintendent (API.md).</summary>
    public const string AuditReader = nameof(AuditReader);
    /// <summary>People who manage users: DistrictAdmin, and principals for their own site.</summary>
    public const string UserManager = nameof(UserManager);

    /// <summary>Those who receive every site's registry list (Registry §5) and read registry reports:
    /// DistrictAdmin, EthicsOffice, SocialMediaAdmin, PublicInformation, and the DeputySuperintendent,
    /// who may monitor any account (Curricular Use).</summary>
    public const string RegistryReader = nameof(RegistryReader);

    static readonly string[] RegistryReaderRoles =
        [nameof(Role.DistrictAdmin), nameof(Role.EthicsOffice), nameof(Role.SocialMediaAdmin), nameof(Role.PublicInformation), nameof(Role.DeputySuperintendent)];

    public static bool IsRegistryReader(System.Security.Claims.ClaimsPrincipal user) => RegistryReaderRoles.Any(user.IsInRole);

    public static void Add(AuthorizationOptions options)
    {
        // Deny by default: every endpoint and page needs a signed-in user unless it says otherwise.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(DistrictAdmin, p => p.RequireRole(nameof(Role.DistrictAdmin)));
        options.AddPolicy(AuditReader, p => p.RequireRole(
            nameof(Role.DistrictAdmin), nameof(Role.EthicsOffice), nameof(Role.DeputySuperintendent)));
        options.AddPolicy(RegistryReader, p => p.RequireRole(RegistryReaderRoles));
        options.AddPolicy(UserManager, p => p.RequireRole(nameof(Role.DistrictAdmin), nameof(Role.Principal)));
    }
}

/// <summary>What one may do with a site-scoped resource.</summary>
internal static class SiteOperations
{
    /// <summary>See it: district readers, anyone with a role at its site.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    /// <summary>Lead it: the site's principal or designee, DistrictAdmin.</summary>
    public static readonly OperationAuthorizationRequirement Lead = new() { Name = nameof(Lead) };
    /// <summary>Manage its people and settings: the site's principal, DistrictAdmin.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

/// <summary>Decides by the resource's site, in one place, for every site-scoped resource.</summary>
internal sealed class SiteAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ISiteScoped>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, ISiteScoped resource)
    {
        var user = context.User;
        var site = resource.SiteId;
        var allowed = requirement.Name switch
        {
            nameof(SiteOperations.Read) => user.IsDistrictReader() || user.IsMemberOf(site),
            nameof(SiteOperations.Lead) => user.Has(Role.DistrictAdmin) || user.IsLeadOf(site),
            nameof(SiteOperations.Manage) => user.Has(Role.DistrictAdmin) || user.HasSiteRole(site, Role.Principal),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
