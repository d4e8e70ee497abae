using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.Registry;

/// <summary>The accounts a person runs or backs up (Registry §1 names the staff member for each).</summary>
public sealed class MyAccountsModel(StewardDb db, RegistryCommands registry) : PageModel
{
    public List<Account> Accounts { get; private set; } = [];
    public string CurrentYear { get; private set; } = "";
    public int Me { get; private set; }
    public bool CanRequest => User.SiteRoles().Any() || User.Has(People.Role.DistrictAdmin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = User.UserId();
        Accounts = await RegistryCommands.Filter(db.Accounts.AsNoTracking(), new AccountFilter(ManagerUserId: Me))
            .Include(a => a.Site).Include(a => a.Manager).Include(a => a.BackupManager)
            .OrderBy(a => a.Status == AccountStatus.Retired).ThenBy(a => a.Site!.Code).ThenBy(a => a.Platform).ThenBy(a => a.Handle)
            .ToListAsync(ct);
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
    }
}
