using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Vault;

namespace Steward.Features.Registry;

/// <summary>The accounts a person runs or backs up (Registry §1 names the staff member for each).</summary>
public sealed class MyAccountsModel(StewardDb db, RegistryCommands registry, VaultService vault) : PageModel
{
    public List<Account> Accounts { get; private set; } = [];
    public string CurrentYear { get; private set; } = "";
    public int Me { get; private set; }
    public Dictionary<int, CredentialStatus> Credentials { get; private set; } = [];
    public bool CanRequest => User.SiteRoles().Any() || User.Has(People.Role.DistrictAdmin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = User.UserId();
        Accounts = await RegistryCommands.Filter(db.Accounts.AsNoTracking(), new AccountFilter(ManagerUserId: Me))
            .Include(a => a.Site).Include(a => a.Manager).Include(a => a.BackupManager)
            .OrderBy(a => a.Status == AccountStatus.Retired).ThenBy(a => a.Site!.Code).ThenBy(a => a.Platform).ThenBy(a => a.Handle)
            .ToListAsync(ct);
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
        Credentials = await vault.StatusesAsync(Accounts.Select(a => a.Id).ToList(), ct);
    }

    /// <summary>What the vault lacks for an account in use: its credential, or a fresh one (Registry §2).</summary>
    public string? CredentialNeed(Account account) =>
        account.Status is AccountStatus.Retired or AccountStatus.Rejected ? null
        : !Credentials.TryGetValue(account.Id, out var status) ? "No credential on file"
        : status.RotationDue ? "Credential rotation due"
        : null;
}
