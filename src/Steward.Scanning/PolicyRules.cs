namespace Steward.Scanning;

/// <summary>Rule ids, policy references and the "what to do" messages of the built-in rules.</summary>
public static class PolicyRules
{
    public const string Phone = "privacy-2.phone";
    public const string Email = "privacy-2.email";
    public const string Address = "privacy-2.address";
    public const string StudentNamed = "privacy-3.student-name";
    public const string PhotoWithName = "privacy-3.photo-with-name";
    public const string GroupPhotoNames = "privacy-4.group-photo-names";
    public const string DirectoryOptOut = "privacy-1.directory-opt-out";
    public const string StaffHomeContact = "privacy-5.staff-home-contact";
    public const string OfficialHomeContact = "privacy-6.official-home-contact";
    public const string Confidential = "privacy-1.confidential";
    public const string StudentId = "privacy-1.student-id";
    public const string Obscene = "content-3.obscene";
    public const string HarassmentLexicon = "discipline-7.harassment";
    public const string CopyrightCredit = "content-12.copyright-credit";
    public const string OutsideContent = "booster-4.outside-content";
}

internal static class Findings
{
    public static Finding Make(string ruleId, FindingCategory category, string policy, Severity severity, int start,
        int length, string message) => new()
        {
            RuleId = ruleId,
            Category = category,
            PolicyReference = policy,
            Severity = severity,
            Start = start,
            Length = length,
            Message = message,
        };
}
