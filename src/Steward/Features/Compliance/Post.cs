using System.Text.Json;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

public enum PostStatus { Draft, Submitted, Approved, Rejected, Published }

public sealed record PostImageSubject(string? StudentId = null, string? Name = null);

public sealed record PostMaterial(string Owner);

/// <summary>A post to an official account, reviewed before it is published (Content §4, §7; Booster §4).</summary>
public sealed class Post : IVersioned, ISiteScoped
{
    public const int TextLength = 10_000;
    public const int OrganizationLength = 200;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public int Id { get; set; }
    public int AccountId { get; set; }
    public Registry.Account? Account { get; set; }
    /// <summary>The account's site (an account stays at its site), kept here so that queries and
    /// authorization decide by it without a join.</summary>
    public int SiteId { get; set; }
    public int AuthorUserId { get; set; }
    public People.StewardUser? Author { get; set; }
    /// <summary>Who last wrote the text (the author until someone else edits it): they do not decide on it either.</summary>
    public int? LastEditedByUserId { get; set; }
    public required string Text { get; set; }
    public List<string> Links { get; set; } = [];
    public string ImageSubjectsJson { get; set; } = "[]";
    public string? OutsideOrganization { get; set; }
    public string ThirdPartyMaterialJson { get; set; } = "[]";
    public PostStatus Status { get; set; }
    public Verdict ScanVerdict { get; set; }
    public string ScanFindingsJson { get; set; } = "[]";
    public DateTime ScannedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? Justification { get; set; }
    public string? RejectionReason { get; set; }
    public int? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int? PublishedByUserId { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<PostImageSubject> ImageSubjects
    {
        get => JsonSerializer.Deserialize<List<PostImageSubject>>(ImageSubjectsJson, Json) ?? [];
        set => ImageSubjectsJson = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<PostMaterial> ThirdPartyMaterial
    {
        get => JsonSerializer.Deserialize<List<PostMaterial>>(ThirdPartyMaterialJson, Json) ?? [];
        set => ThirdPartyMaterialJson = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<Finding> Findings => JsonSerializer.Deserialize<List<Finding>>(ScanFindingsJson, Json) ?? [];

    /// <summary>Content from an outside organization needs the Superintendent's approval (Booster §4).</summary>
    public bool NeedsDistrictApproval => OutsideOrganization is not null;

    public Steward.Scanning.Post ToScannerPost() => new()
    {
        Text = Text,
        Links = Links,
        ImageSubjects = ImageSubjects.Select(s => new ImageSubject(s.StudentId, s.Name)).ToList(),
        OutsideOrganization = OutsideOrganization,
        ThirdPartyMaterial = ThirdPartyMaterial.Select(m => new ThirdPartyMaterial(m.Owner)).ToList(),
    };

    public void RecordScan(ScanResult result, DateTime now)
    {
        ScanVerdict = result.Verdict;
        ScanFindingsJson = JsonSerializer.Serialize(result.Findings, Json);
        ScannedAt = now;
    }

    /// <summary>Any change sends the post back to Draft, to be scanned, submitted and decided again.</summary>
    public void Edit(int by, string text, List<string> links, IReadOnlyList<PostImageSubject> subjects, string? outsideOrganization,
        IReadOnlyList<PostMaterial> material, DateTime now)
    {
        if (Status == PostStatus.Published)
            throw new ConflictException("A published post is kept as published for the public record; it cannot be edited.");
        LastEditedByUserId = by;
        Text = text;
        Links = links;
        ImageSubjects = subjects;
        OutsideOrganization = outsideOrganization;
        ThirdPartyMaterial = material;
        Status = PostStatus.Draft;
        SubmittedAt = null;
        Justification = null;
        RejectionReason = null;
        DecidedByUserId = null;
        DecidedAt = null;
        UpdatedAt = now;
    }

    public void Submit(DateTime now)
    {
        if (Status != PostStatus.Draft)
            throw new ConflictException($"A {Status} post cannot be submitted; only a Draft.");
        Status = PostStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Nobody approves their own post: not its author, and not whoever last wrote its text.</summary>
    public bool CanBeDecidedBy(int userId) => AuthorUserId != userId && LastEditedByUserId != userId;

    /// <summary>Approves a submitted post whose latest scan allows it. A Block finding is never approved;
    /// a Review finding needs the approver's justification.</summary>
    public Refusal? Approve(int by, string? justification, DateTime now)
    {
        if (Status != PostStatus.Submitted)
            return Refusal.Conflict($"A {Status} post cannot be approved; only a Submitted one.");
        if (!CanBeDecidedBy(by))
            return Refusal.Conflict("Nobody approves a post they wrote or last edited: another site lead decides.");
        if (ScanVerdict == Verdict.Block)
            return Refusal.Conflict("The post has Block findings: the policy forbids publishing it as it is. Reject it, or send it back to be fixed.",
                "Blocked by the policy");
        if (ScanVerdict == Verdict.Review && string.IsNullOrWhiteSpace(justification))
            return Refusal.Invalid("justification", "The post has Review findings: say why it may be published (justification).");
        Status = PostStatus.Approved;
        Justification = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        DecidedByUserId = by;
        DecidedAt = now;
        UpdatedAt = now;
        return null;
    }

    public Refusal? Reject(int by, string reason, DateTime now)
    {
        if (Status != PostStatus.Submitted)
            return Refusal.Conflict($"A {Status} post cannot be rejected; only a Submitted one.");
        if (!CanBeDecidedBy(by))
            return Refusal.Conflict("Nobody decides on a post they wrote or last edited: another site lead decides.");
        Status = PostStatus.Rejected;
        RejectionReason = reason;
        DecidedByUserId = by;
        DecidedAt = now;
        UpdatedAt = now;
        return null;
    }

    public void Publish(int by, DateTime now)
    {
        if (Status != PostStatus.Approved)
            throw new ConflictException($"A {Status} post cannot be published; only an Approved one.");
        Status = PostStatus.Published;
        PublishedByUserId = by;
        PublishedAt = now;
        UpdatedAt = now;
    }
}
