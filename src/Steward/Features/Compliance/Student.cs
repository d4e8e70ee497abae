using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>A student on the district roster. The API names students by <see cref="StudentNumber"/>, the
/// district's own student ID (a string such as "10000123").</summary>
public sealed class Student : IVersioned, ISiteScoped
{
    public const int IdLength = 20;
    public const int NameLength = 100;
    public const int GradeLength = 4;

    public int Id { get; set; }
    public required string StudentNumber { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? PreferredName { get; set; }
    public int SiteId { get; set; }
    public Sites.Site? Site { get; set; }
    public string? Grade { get; set; }
    /// <summary>The family opted out of directory information: the student is never named in a post.</summary>
    public bool DirectoryOptOut { get; set; }
    public DateTime ImportedAt { get; set; }
    public Guid Version { get; set; }
    public List<Consent> Consents { get; set; } = [];

    public string DisplayName => $"{PreferredName ?? FirstName} {LastName}";

    public bool HasCurrentConsent(ConsentKind kind, DateOnly today) => Consents.Any(c => c.Kind == kind && c.IsCurrent(today));
}

public enum ConsentKind { PhotoWithName }

/// <summary>A parent's or guardian's prior written consent (Privacy §3). Revoking keeps the record.</summary>
public sealed class Consent : IVersioned
{
    public const int GrantedByLength = 200;
    public const int DocumentLength = 300;

    /// <summary>Bounds that catch a mistyped year: no form on file predates 2000, and none holds for more than 25 years.</summary>
    public static readonly DateOnly EarliestGrantedOn = new(2000, 1, 1);
    public const int LongestYears = 25;

    public int Id { get; set; }
    public int StudentId { get; set; }
    public ConsentKind Kind { get; set; }
    /// <summary>The parent or guardian who signed.</summary>
    public required string GrantedBy { get; set; }
    public DateOnly GrantedOn { get; set; }
    /// <summary>The last day the consent holds; none for open-ended consent.</summary>
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>Where the signed form is kept (a document number or file reference).</summary>
    public required string DocumentReference { get; set; }
    public int RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public int? RevokedByUserId { get; set; }
    public Guid Version { get; set; }

    public bool IsCurrent(DateOnly today) => RevokedAt is null && GrantedOn <= today && (ExpiresOn is null || ExpiresOn >= today);

    public void Revoke(int by, DateTime now)
    {
        if (RevokedAt is not null) throw new ConflictException("This consent is already revoked.");
        RevokedAt = now;
        RevokedByUserId = by;
    }
}

/// <summary>One row whose <see cref="Version"/> goes up with every roster or consent change, so that every
/// node rebuilds its scanner context (sites are compared by their contacts directly).</summary>
public sealed class ComplianceState
{
    public int Id { get; set; }
    public long RosterVersion { get; set; }
}
