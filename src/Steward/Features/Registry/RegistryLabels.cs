namespace Steward.Features.Registry;

/// <summary>How the registry pages name statuses and categories to people (the API keeps the enum names).</summary>
public static class RegistryLabels
{
    public static string Describe(this AccountStatus status) => status switch
    {
        AccountStatus.NeedsRenewal => "Needs renewal",
        _ => status.ToString(),
    };

    public static string Describe(this AccountCategory category) => category switch
    {
        AccountCategory.SiteMain => "Site main account",
        AccountCategory.Athletics => "Athletic team",
        AccountCategory.Club => "Chartered club",
        AccountCategory.Pathway => "Pathway",
        AccountCategory.Department => "Department",
        AccountCategory.Program => "Program",
        AccountCategory.Curricular => "Curricular (class)",
        AccountCategory.Booster => "Booster or affiliate",
        _ => category.ToString(),
    };

    /// <summary>The same, for the public directory's strings.</summary>
    public static string DescribeCategory(string category) =>
        Enum.TryParse<AccountCategory>(category, out var c) ? c.Describe() : category;

    public static string TagClass(this AccountStatus status) => "usa-tag steward-status steward-status--" + status.ToString().ToLowerInvariant();

    /// <summary>The account as people say it: "@whs_ath on Instagram".</summary>
    public static string Name(Platform platform, string handle) => platform == Platform.Other ? handle : $"@{handle} on {platform}";
}
