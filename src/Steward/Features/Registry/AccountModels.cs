using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

public sealed record AccountRequest(
    int? SiteId,
    Platform? Platform,
    [property: StringLength(Limits.Url)] string? Handle,
    [property: StringLength(Limits.Url)] string? Url,
    [property: Required, StringLength(Limits.Name, MinimumLength = 2)] string DisplayName,
    AccountCategory? Category,
    [property: Required, StringLength(Limits.Text, MinimumLength = 3)] string Purpose,
    int? ManagerUserId,
    int? BackupManagerUserId = null,
    DateOnly? PrincipalNotifiedOn = null,
    bool? BoosterGuidelinesAttested = null,
    Guid? RowVersion = null);

public sealed record ReasonRequest([property: Required, StringLength(Limits.Text, MinimumLength = 3)] string Reason);

public sealed record AccountResponse(int Id, int SiteId, string? SiteCode, Platform Platform, string Handle, string Url, string DisplayName,
    AccountCategory Category, string Purpose, int ManagerUserId, string? ManagerName, int? BackupManagerUserId, AccountStatus Status,
    string SchoolYear, int? ApprovedByUserId, DateTime? ApprovedAt, bool NeedsReassignment, DateOnly? PrincipalNotifiedOn,
    bool BoosterGuidelinesAttested, string? DecisionReason, int RequestedByUserId, DateTime RequestedAt, Guid RowVersion)
{
    public static AccountResponse From(Account a) => new(a.Id, a.SiteId, a.Site?.Code, a.Platform, a.Handle, a.Url, a.DisplayName,
        a.Category, a.Purpose, a.ManagerUserId, a.Manager?.FullName, a.BackupManagerUserId, a.Status, a.SchoolYear, a.ApprovedByUserId,
        a.ApprovedAt, a.NeedsReassignment, a.PrincipalNotifiedOn, a.BoosterGuidelinesAttested, a.DecisionReason, a.RequestedByUserId,
        a.RequestedAt, a.Version);
}

public sealed record AccountFilter(int? SiteId = null, AccountStatus? Status = null, AccountCategory? Category = null, Platform? Platform = null,
    string? Q = null, bool? NeedsReassignment = null, int? ManagerUserId = null);
