using Steward.Infrastructure;

namespace Steward.Features.Registry;

public enum AccountCategory { SiteMain, Athletics, Club, Pathway, Department, Program, Curricular, Booster }

public enum AccountStatus { Pending, Approved, Rejected, NeedsRenewal, Suspended, Retired }

/// <summary>An official social media account of a site (Registry §1–5, Booster §1–3, Curricular).</summary>
public sealed class Account : IVersioned, ISiteScoped
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Sites.Site? Site { get; set; }
    public Platform Platform { get; set; }
    /// <summary>Normalised (see <see cref="Handles"/>), unique per platform.</summary>
    public required string Handle { get; set; }
    public required string Url { get; set; }
    public required string DisplayName { get; set; }
    public AccountCategory Category { get; set; }
    public required string Purpose { get; set; }
    /// <summary>The staff member who runs and monitors the account (Registry §1).</summary>
    public int ManagerUserId { get; set; }
    public People.StewardUser? Manager { get; set; }
    public int? BackupManagerUserId { get; set; }
    public People.StewardUser? BackupManager { get; set; }
    public AccountStatus Status { get; set; }
    /// <summary>The school year the account is registered for ("2026-27").</summary>
    public required string SchoolYear { get; set; }
    public int RequestedByUserId { get; set; }
    public DateTime RequestedAt { get; set; }
    /// <summary>Who last edited the request while it awaited a decision: they do not decide on it either.</summary>
    public int? LastEditedByUserId { get; set; }
    public int? ApprovedByUserId { get; set; }
    public People.StewardUser? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int? DecidedByUserId { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>The manager left or was deactivated: the site must name someone else.</summary>
    public bool NeedsReassignment { get; set; }
    /// <summary>Curricular: when the principal was told, before the platform's terms were accepted.</summary>
    public DateOnly? PrincipalNotifiedOn { get; set; }
    /// <summary>Booster §2: the club's application includes the district's social media guidelines.</summary>
    public bool BoosterGuidelinesAttested { get; set; }
    public int? BoosterAttestedByUserId { get; set; }
    /// <summary>The status to return to when a suspension is lifted.</summary>
    public AccountStatus? StatusBeforeSuspension { get; set; }
    public Guid Version { get; set; }
    public List<AccountRegistration> Registrations { get; set; } = [];

    /// <summary>Curricular accounts need their credential on file with the principal before approval
    /// (Curricular Use); the vault enforces it.</summary>
    public bool RequiresCredentialBeforeApproval => Category == AccountCategory.Curricular;

    /// <summary>Nobody approves their own request, nor one they edited while it awaited the decision.</summary>
    public bool CanBeDecidedBy(int userId) => RequestedByUserId != userId && LastEditedByUserId != userId;

    /// <summary>An edit of a request awaiting a decision (or one that sends it back to Pending) is the editor's.</summary>
    public void RecordEdit(int by)
    {
        if (Status is AccountStatus.Pending or AccountStatus.NeedsRenewal) LastEditedByUserId = by;
    }

    public void Approve(int by, DateTime now, string schoolYear)
    {
        if (Status is not (AccountStatus.Pending or AccountStatus.NeedsRenewal))
            throw new ConflictException($"A {Status} account cannot be approved; only Pending or NeedsRenewal ones.");
        Status = AccountStatus.Approved;
        SchoolYear = schoolYear;
        ApprovedByUserId = by;
        ApprovedAt = now;
        DecidedByUserId = by;
        DecisionReason = null;
        LastEditedByUserId = null;
        if (!Registrations.Any(r => r.SchoolYear == schoolYear))
            Registrations.Add(new AccountRegistration { SchoolYear = schoolYear, ApprovedByUserId = by, ApprovedAt = now });
    }

    public void Reject(int by, string reason)
    {
        if (Status is not (AccountStatus.Pending or AccountStatus.NeedsRenewal))
            throw new ConflictException($"A {Status} account cannot be rejected; only Pending or NeedsRenewal ones.");
        Status = AccountStatus.Rejected;
        DecidedByUserId = by;
        DecisionReason = reason;
        LastEditedByUserId = null;
    }

    public void Suspend(int by, string reason)
    {
        if (Status is AccountStatus.Suspended or AccountStatus.Retired or AccountStatus.Rejected)
            throw new ConflictException($"A {Status} account cannot be suspended.");
        StatusBeforeSuspension = Status;
        Status = AccountStatus.Suspended;
        DecidedByUserId = by;
        DecisionReason = reason;
    }

    public void Reinstate(int by)
    {
        if (Status != AccountStatus.Suspended)
            throw new ConflictException("Only a suspended account can be reinstated.");
        Status = StatusBeforeSuspension ?? AccountStatus.Pending;
        StatusBeforeSuspension = null;
        DecidedByUserId = by;
        DecisionReason = null;
    }

    public void Retire(int by)
    {
        if (Status == AccountStatus.Retired) throw new ConflictException("The account is already retired.");
        Status = AccountStatus.Retired;
        DecidedByUserId = by;
    }

    /// <summary>A new school year: approved accounts must be registered again (Registry §1).</summary>
    public bool OpenYear(string year)
    {
        if (Status != AccountStatus.Approved || string.CompareOrdinal(SchoolYear, year) >= 0) return false;
        Status = AccountStatus.NeedsRenewal;
        return true;
    }
}

/// <summary>One year's registration of an account: who approved it for that year, and when.</summary>
public sealed class AccountRegistration
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public required string SchoolYear { get; set; }
    public int ApprovedByUserId { get; set; }
    public DateTime ApprovedAt { get; set; }
}

/// <summary>When a school year was opened for renewal, and by whom.</summary>
public sealed class SchoolYearOpening
{
    public int Id { get; set; }
    public required string SchoolYear { get; set; }
    public DateTime OpenedAt { get; set; }
    public int OpenedByUserId { get; set; }
    public int AccountsMovedToRenewal { get; set; }
}
