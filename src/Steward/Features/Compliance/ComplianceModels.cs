using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

public sealed record ImageSubjectRequest(
    [property: StringLength(Student.IdLength)] string? StudentId,
    [property: StringLength(Limits.Name)] string? Name) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(StudentId) && string.IsNullOrWhiteSpace(Name))
            yield return new ValidationResult("Each image subject has a studentId or a name.", ["studentId"]);
    }
}

public sealed record MaterialRequest([property: Required, StringLength(Limits.Name, MinimumLength = 1)] string Owner);

public sealed record ScanRequest(
    [property: Required(AllowEmptyStrings = true), StringLength(Post.TextLength)] string Text,
    int? AccountId = null,
    [property: MaxLength(ComplianceLimits.Subjects)] List<ImageSubjectRequest>? ImageSubjects = null,
    [property: StringLength(Post.OrganizationLength)] string? OutsideOrganization = null,
    [property: MaxLength(ComplianceLimits.Materials)] List<MaterialRequest>? ThirdPartyMaterial = null);

public sealed record PostRequest(
    int? AccountId,
    [property: Required, StringLength(Post.TextLength, MinimumLength = 1)] string Text,
    [property: MaxLength(ComplianceLimits.Links)] List<string>? Links = null,
    [property: MaxLength(ComplianceLimits.Subjects)] List<ImageSubjectRequest>? ImageSubjects = null,
    [property: StringLength(Post.OrganizationLength)] string? OutsideOrganization = null,
    [property: MaxLength(ComplianceLimits.Materials)] List<MaterialRequest>? ThirdPartyMaterial = null,
    Guid? RowVersion = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var link in Links ?? [])
            if (string.IsNullOrWhiteSpace(link) || link.Length > Limits.Url
                || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"Each link is an absolute http(s) address of at most {Limits.Url} characters.", ["links"]);
    }
}

public sealed record ApproveRequest([property: StringLength(Limits.Text)] string? Justification = null);

public sealed record RejectRequest([property: Required, StringLength(Limits.Text, MinimumLength = 3)] string Reason);

public sealed record ConsentRequest(
    [property: Required] ConsentKind? Kind,
    [property: Required, StringLength(Consent.GrantedByLength, MinimumLength = 2)] string GrantedBy,
    [property: Required] DateOnly? GrantedOn,
    DateOnly? ExpiresOn,
    [property: Required, StringLength(Consent.DocumentLength, MinimumLength = 2)] string DocumentReference) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GrantedOn is { } granted && ExpiresOn is { } expires && expires < granted)
            yield return new ValidationResult("expiresOn is on or after grantedOn.", ["expiresOn"]);
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
