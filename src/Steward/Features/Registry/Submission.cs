namespace Steward.Features.Registry;

/// <summary>A site's list of approved accounts as sent to the Office of Employee Relations and Ethics
/// (Registry §5): a frozen snapshot, never with credentials.</summary>
public sealed class Submission : Infrastructure.ISiteScoped
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Sites.Site? Site { get; set; }
    public required string SchoolYear { get; set; }
    public DateTime SubmittedAt { get; set; }
    public int SubmittedByUserId { get; set; }
    public required string SubmittedByName { get; set; }
    public int AccountCount { get; set; }
    /// <summary>JSON array of <see cref="SubmittedAccount"/>.</summary>
    public required string Snapshot { get; set; }
    /// <summary>JSON <see cref="SubmissionDiff"/> against the site's previous submission.</summary>
    public required string Diff { get; set; }
    public int? PreviousSubmissionId { get; set; }
}

public sealed record SubmittedAccount(int AccountId, string Platform, string Handle, string Url, string DisplayName, string Category,
    int ManagerUserId, string ManagerFullName, string ManagerTitle, string? ApprovedBy, DateTime? ApprovedAt);

public sealed record ManagerChange(int AccountId, string Platform, string Handle, string From, string To);

public sealed record SubmissionDiff(IReadOnlyList<SubmittedAccount> Added, IReadOnlyList<SubmittedAccount> Removed, IReadOnlyList<ManagerChange> ManagerChanged)
{
    public static SubmissionDiff Between(IReadOnlyList<SubmittedAccount>? previous, IReadOnlyList<SubmittedAccount> current)
    {
        var before = (previous ?? []).ToDictionary(a => a.AccountId);
        var now = current.ToDictionary(a => a.AccountId);
        return new(
            current.Where(a => !before.ContainsKey(a.AccountId)).ToList(),
            (previous ?? []).Where(a => !now.ContainsKey(a.AccountId)).ToList(),
            current.Where(a => before.TryGetValue(a.AccountId, out var old) && old.ManagerUserId != a.ManagerUserId)
                .Select(a => new ManagerChange(a.AccountId, a.Platform, a.Handle, before[a.AccountId].ManagerFullName, a.ManagerFullName)).ToList());
    }
}
