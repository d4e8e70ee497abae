using Steward.Features.People;
using Steward.Features.Registry;

namespace Steward.Tests.Infrastructure;

public sealed record AccountDto(int Id, int SiteId, string? SiteCode, string Platform, string Handle, string Url, string DisplayName, string Category,
    string Purpose, int ManagerUserId, string? ManagerName, int? BackupManagerUserId, string Status, string SchoolYear, int? ApprovedByUserId,
    DateTime? ApprovedAt, bool NeedsReassignment, string? DecisionReason, int RequestedByUserId, Guid RowVersion);

public static class RegistryData
{
    /// <summary>A request body for an account at the site, managed by the user.</summary>
    public static Dictionary<string, object?> Request(int siteId, int managerId, string? handle = null, string platform = "Instagram",
        string category = "Athletics") => new()
    {
        ["siteId"] = siteId, ["platform"] = platform, ["handle"] = handle ?? "acct_" + Guid.NewGuid().ToString("N")[..10],
        ["displayName"] = "Girls' Volleyball", ["category"] = category, ["purpose"] = "Match schedules and results for families.",
        ["managerUserId"] = managerId,
    };

    /// <summary>An account stored directly, in the given status, for tests that start from it.</summary>
    public static Task<Account> SeedAsync(this StewardApp app, int siteId, int managerId, AccountStatus status = AccountStatus.Approved,
        string schoolYear = "2026-27", AccountCategory category = AccountCategory.Club) => app.WithDbAsync(async db =>
    {
        var account = new Account
        {
            SiteId = siteId, Platform = Platform.Instagram, Handle = "seed_" + Guid.NewGuid().ToString("N")[..12], Url = "https://www.instagram.com/seed/",
            DisplayName = "Seeded Club", Category = category, Purpose = "Club news.", ManagerUserId = managerId, Status = AccountStatus.Pending,
            SchoolYear = schoolYear, RequestedByUserId = managerId, RequestedAt = DateTime.UtcNow,
        };
        if (status is AccountStatus.Approved or AccountStatus.NeedsRenewal or AccountStatus.Suspended)
            account.Approve(managerId, DateTime.UtcNow, schoolYear);
        account.Status = status;
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    });

    public static async Task<(StewardUser Staff, HttpClient Client)> StaffAsync(this StewardApp app, int siteId)
    {
        var staff = await app.CreateUserAsync(Role.Staff, siteId);
        return (staff, await app.ClientForUserAsync(staff));
    }
}
