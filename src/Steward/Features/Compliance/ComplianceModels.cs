using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

public sealed record ImageSubjectRequest(
    [property: StringLength(Student.IdLength), PlainText] string? StudentId,
    [property: StringLength(Limits.Name), PlainText] string? Name) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(StudentId) && string.IsNullOrWhiteSpace(Name))
            yield return new ValidationResult("Each image subject has a studentId or a name.", ["studentId"]);
    }
}

public sealed record MaterialRequest([property: Required, StringLength(Limits.Name, MinimumLength = 1), PlainText] string Owner);

public sealed record ScanRequest(
    [property: Required(AllowEmptyStrings = true), StringLength(Post.TextLength), PlainText(multiLine: true)] string Text,
    int? AccountId = null,
    [property: MaxLength(ComplianceLimits.Subjects)] List<ImageSubjectRequest>? ImageSubjects = null,
    [property: StringLength(Post.OrganizationLength), PlainText] string? OutsideOrganization = null,
    [property: MaxLength(ComplianceLimits.Materials)] List<MaterialRequest>? ThirdPartyMaterial = null,
    [property: MaxLength(ComplianceLimits.Links)] List<string>? Links = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        RequestChecks.ValidLinks(Links).Concat(RequestChecks.NoNullItems(ImageSubjects, "imageSubjects"))
            .Concat(RequestChecks.NoNullItems(ThirdPartyMaterial, "thirdPartyMaterial"));
}

public sealed record PostRequest(
    int? AccountId,
    [property: Required, StringLength(Post.TextLength, MinimumLength = 1), PlainText(multiLine: true)] string Text,
    [property: MaxLength(ComplianceLimits.Links)] List<string>? Links = null,
    [property: MaxLength(ComplianceLimits.Subjects)] List<ImageSubjectRequest>? ImageSubjects = null,
    [property: StringLength(Post.OrganizationLength), PlainText] string? OutsideOrganization = null,
    [property: MaxLength(ComplianceLimits.Materials)] List<MaterialRequest>? ThirdPartyMaterial = null,
    Guid? RowVersion = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        RequestChecks.ValidLinks(Links).Concat(RequestChecks.NoNullItems(ImageSubjects, "imageSubjects"))
            .Concat(RequestChecks.NoNullItems(ThirdPartyMaterial, "thirdPartyMaterial"));
}

public sealed record ApproveRequest([property: StringLength(Limits.Text), PlainText(multiLine: true)] string? Justification = null);

/// <summary>The reason is trimmed before it is checked, as it is stored.</summary>
public sealed record RejectRequest(string Reason)
{
    [Required, StringLength(Limits.Text, MinimumLength = 3), PlainText(multiLine: true)]
    public string Reason { get; init; } = Reason?.Trim()!;
}

/// <summary>Names are trimmed before they are checked, as they are stored.</summary>
public sealed record ConsentRequest(
    [property: Required] ConsentKind? Kind,
    string GrantedBy,
    [property: Required] DateOnly? GrantedOn,
    DateOnly? ExpiresOn,
    string DocumentReference) : IValidatableObject
{
    [Required, StringLength(Consent.GrantedByLength, MinimumLength = 2), PlainText]
    public string GrantedBy { get; init; } = GrantedBy?.Trim()!;

    [Required, StringLength(Consent.DocumentLength, MinimumLength = 2), PlainText]
    public string DocumentReference { get; init; } = DocumentReference?.Trim()!;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GrantedOn < Consent.EarliestGrantedOn)
            yield return new ValidationResult($"grantedOn is {Consent.EarliestGrantedOn:yyyy-MM-dd} or later.", ["grantedOn"]);
        if (GrantedOn is { } granted && ExpiresOn is { } expires)
        {
            if (expires < granted) yield return new ValidationResult("expiresOn is on or after grantedOn.", ["expiresOn"]);
            else if (expires > granted.AddYears(Consent.LongestYears))
                yield return new ValidationResult($"expiresOn is at most {Consent.LongestYears} years after grantedOn.", ["expiresOn"]);
        }
    }
}

internal static class RequestChecks
{
    /// <summary>Links published with a post: absolute http(s) addresses without control characters.</summary>
    public static IEnumerable<ValidationResult> ValidLinks(IReadOnlyList<string?>? links)
    {
        foreach (var link in links ?? [])
            if (string.IsNullOrWhiteSpace(link) || link.Length > Limits.Url || !PlainText.IsValid(link)
                || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"Each link is an absolute http(s) address of at most {Limits.Url} characters.", ["links"]);
    }

    /// <summary>A list item that is JSON null ("imageSubjects": [null]) is named by its index.</summary>
    public static IEnumerable<ValidationResult> NoNullItems<T>(IReadOnlyList<T?>? items, string field) where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
            if (items![i] is null) yield return new ValidationResult($"{field}[{i}] is empty: send an object or leave it out.", [$"{field}[{i}]"]);
    }
}

public sealed record FindingResponse(string RuleId, FindingCategory Category, string PolicyReference, Severity Severity, int Start, int Length, string Message)
{
    public static FindingResponse From(Finding f) => new(f.RuleId, f.Category, f.PolicyReference, f.Severity, f.Start, f.Length, f.Message);
}

public sealed record ScanResponse(Verdict Verdict, IReadOnlyList<FindingResponse> Findings)
{
    public static ScanResponse From(ScanResult r) => new(r.Verdict, r.Findings.Select(FindingResponse.From).ToList());
}

public sealed record PostScanResponse(Verdict Verdict, IReadOnlyList<FindingResponse> Findings, DateTime ScannedAt);

public sealed record PostResponse(int Id, int AccountId, int SiteId, int AuthorUserId, string? AuthorName, string Text, IReadOnlyList<string> Links,
    IReadOnlyList<PostImageSubject> ImageSubjects, string? OutsideOrganization, IReadOnlyList<PostMaterial> ThirdPartyMaterial, PostStatus Status,
    PostScanResponse Scan, string? Justification, string? RejectionReason, int? DecidedByUserId, DateTime? DecidedAt, DateTime? SubmittedAt,
    int? PublishedByUserId, DateTime? PublishedAt, DateTime CreatedAt, DateTime UpdatedAt, Guid RowVersion)
{
    public static PostResponse From(Post p) => new(p.Id, p.AccountId, p.SiteId, p.AuthorUserId, p.Author?.FullName, p.Text, p.Links, p.ImageSubjects,
        p.OutsideOrganization, p.ThirdPartyMaterial, p.Status, new PostScanResponse(p.ScanVerdict, p.Findings.Select(FindingResponse.From).ToList(), p.ScannedAt),
        p.Justification, p.RejectionReason, p.DecidedByUserId, p.DecidedAt, p.SubmittedAt, p.PublishedByUserId, p.PublishedAt, p.CreatedAt, p.UpdatedAt,
        p.Version);
}

public sealed record ConsentResponse(int Id, ConsentKind Kind, string GrantedBy, DateOnly GrantedOn, DateOnly? ExpiresOn, string DocumentReference,
    int RecordedByUserId, DateTime RecordedAt, DateTime? RevokedAt, int? RevokedByUserId, bool IsCurrent)
{
    public static ConsentResponse From(Consent c, DateOnly today) => new(c.Id, c.Kind, c.GrantedBy, c.GrantedOn, c.ExpiresOn, c.DocumentReference,
        c.RecordedByUserId, c.RecordedAt, c.RevokedAt, c.RevokedByUserId, c.IsCurrent(today));
}

public sealed record StudentResponse(string StudentId, string FirstName, string LastName, string? PreferredName, int SiteId, string? SiteCode,
    string? Grade, bool DirectoryOptOut, bool HasCurrentPhotoWithNameConsent, IReadOnlyList<ConsentResponse>? Consents = null)
{
    public static StudentResponse From(Student s, DateOnly today, bool withConsents = false) => new(s.StudentNumber, s.FirstName, s.LastName,
        s.PreferredName, s.SiteId, s.Site?.Code, s.Grade, s.DirectoryOptOut, s.HasCurrentConsent(ConsentKind.PhotoWithName, today),
        withConsents ? s.Consents.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => ConsentResponse.From(c, today)).ToList() : null);
}

public sealed record ImportLineError(int Line, string Error);

public sealed record ImportResult(int Imported, int Updated, int Unchanged, IReadOnlyList<ImportLineError> Rejected);

internal static class ComplianceLimits
{
    public const int Subjects = 50;
    public const int Materials = 20;
    public const int Links = 20;
    /// <summary>A roster file of about 60,000 students.</summary>
    public const int ImportBytes = 5 * 1024 * 1024;
    /// <summary>How many bad lines an import's answer lists (it counts them all).</summary>
    public const int ListedLineErrors = 100;
    /// <summary>A JSON body for a scan or a post: the text limit with room for the rest.</summary>
    public const int JsonBytes = 256 * 1024;
}

public sealed class ComplianceOptions
{
    public const string Section = "Steward:Compliance";

    /// <summary>Domains of staff work addresses, comma-separated (Steward__Compliance__AllowedEmailDomains).</summary>
    public string? AllowedEmailDomains { get; set; }

    /// <summary>How often a node checks whether another node changed the roster or site contacts.</summary>
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>A directory of lexicons and rule settings that override the built-in ones (docs/scanner.md).</summary>
    public string? RulesDirectory { get; set; }

    public IEnumerable<string> EmailDomains() =>
        (AllowedEmailDomains ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
