namespace Steward.Scanning;

/// <summary>A draft post as the scanner sees it (API.md, "Compliance and posts").</summary>
public sealed record Post
{
    public string? Text { get; init; }

    /// <summary>Links published with the post (beside its text); the sentence rules read them as text.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>Students who appear in the attached photo(s). More than one subject makes it a group photo.</summary>
    public IReadOnlyList<ImageSubject> ImageSubjects { get; init; } = [];

    /// <summary>Name of the outside organization whose content the post carries, if any (Booster §4).</summary>
    public string? OutsideOrganization { get; init; }

    /// <summary>Material owned by others that the post uses; each needs a credit notice (Content §12).</summary>
    public IReadOnlyList<ThirdPartyMaterial> ThirdPartyMaterial { get; init; } = [];
}

/// <summary>A student in an attached photo, named by roster id, by name, or both.</summary>
public sealed record ImageSubject(string? StudentId = null, string? Name = null);

public sealed record ThirdPartyMaterial(string Owner);

public enum Verdict
{
    Pass,
    Review,
    Block,
}

/// <summary>Ordered so that a larger value is more severe.</summary>
public enum Severity
{
    Info,
    Review,
    Block,
}

public enum FindingCategory
{
    ContactInfo,
    StudentName,
    PhotoConsent,
    StaffHomeContact,
    Campaign,
    Commercial,
    Obscene,
    Harassment,
    Copyright,
    Confidential,
    OutsideContent,
}

/// <summary>
/// One thing the policy forbids or wants a human to look at. <see cref="Start"/> and <see cref="Length"/> index the
/// post text in UTF-16 code units; findings not tied to text (copyright, outside content, a link given beside the text) use 0 and 0.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required FindingCategory Category { get; init; }
    public required string PolicyReference { get; init; }
    public required Severity Severity { get; init; }
    public required int Start { get; init; }
    public required int Length { get; init; }
    public required string Message { get; init; }
}

public sealed record ScanResult
{
    public required Verdict Verdict { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    public static ScanResult From(List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var worst = Severity.Info;
        foreach (var f in findings)
        {
            if (f.Severity > worst)
                worst = f.Severity;
        }

        findings.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Severity.CompareTo(a.Severity));
        var verdict = worst switch
        {
            Severity.Block => Verdict.Block,
            Severity.Review => Verdict.Review,
            _ => Verdict.Pass,
        };
        return new ScanResult { Verdict = verdict, Findings = findings };
    }
}
