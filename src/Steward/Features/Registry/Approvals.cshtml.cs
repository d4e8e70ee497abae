using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

/// <summary>The site approval queue: new requests and renewals at the sites the person leads.</summary>
public sealed class ApprovalsModel(StewardDb db, RegistryCommands registry, IAuthorizationService authz) : PageModel
{
    public List<Account> Queue { get; private set; } = [];
    public Dictionary<int, string> Requesters { get; private set; } = [];
    public string CurrentYear { get; private set; } = "";
    public string? Notice { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The account whose reject reason was missing, to show the message in its row.</summary>
    public int? ReasonMissingFor { get; private set; }

    bool IsLead => User.Has(Role.DistrictAdmin) || User.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsLead) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        DecideAsync(id, a => registry.ApproveAsync(User, a, ct), a => $"Approved {a.DisplayName} for {a.SchoolYear}.", ct);

    public async Task<IActionResult> OnPostRejectAsync(int id, string? reason, CancellationToken ct)
    {
        var request = new ReasonRequest(reason?.Trim() ?? "");
        if (!Validator.TryValidateObject(request, new ValidationContext(request), null, validateAllProperties: true))
        {
            if (!IsLead) return Forbid();
            ReasonMissingFor = id;
            await LoadAsync(ct);
            Error = "Give a reason of at least 3 characters to reject a request: the requester sees it.";
            return Page();
        }
        return await DecideAsync(id, a => registry.DecideAsync(User, a, (x, me) => x.Reject(me, request.Reason), true, ct),
            a => $"Rejected {a.DisplayName}.", ct);
    }

    async Task<IActionResult> DecideAsync(int id, Func<Account, Task<Refusal?>> decide, Func<Account, string> done, CancellationToken ct)
    {
        if (!IsLead) return Forbid();
        var account = await RegistryCommands.Visible(db.Accounts, User).Include(a => a.Registrations).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return NotFound();
        if (!(await authz.AuthorizeAsync(User, account, SiteOperations.Lead)).Succeeded) return Forbid();
        var refusal = await decide(account);
        if (refusal is null) Notice = done(account);
        else Error = $"{account.DisplayName}: {refusal.Detail}";
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Accounts.AsNoTracking().Where(a => a.Status == AccountStatus.Pending || a.Status == AccountStatus.NeedsRenewal);
        if (!User.Has(Role.DistrictAdmin))
        {
            var led = User.SiteIds(Role.Principal, Role.SiteDesignee);
            query = query.Where(a => led.Contains(a.SiteId));
        }
        Queue = await query.Include(a => a.Site).Include(a => a.Manager)
            .OrderBy(a => a.Status).ThenBy(a => a.RequestedAt).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        var ids = Queue.Select(a => a.RequestedByUserId).Distinct().ToList();
        Requesters = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
    }
}
