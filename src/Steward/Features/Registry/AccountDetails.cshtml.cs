using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Vault;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

public sealed class AccountDetailsModel(StewardDb db, RegistryCommands registry, IAuthorizationService authz, VaultService vault) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public bool Requested { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public Account Account { get; private set; } = null!;
    public Dictionary<int, string> Names { get; private set; } = [];
    public string CurrentYear { get; private set; } = "";
    public bool CanDecide { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>The vault entry's status, for those who keep or monitor the credential; null for everyone else.</summary>
    public CredentialStatus? Credential { get; private set; }
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public string NameOf(int? userId) => userId is { } id ? Names.GetValueOrDefault(id, $"user {id}") : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Requested) Notice = $"Your request is recorded. The principal or site designee of {Account.Site!.Name} will review it.";
        else if (Saved) Notice = "Your changes are saved.";
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        DecideAsync(a => registry.ApproveAsync(User, a, ct), a => $"Approved: registered for {a.SchoolYear}.", ct);

    public Task<IActionResult> OnPostRejectAsync(string? rejectReason, CancellationToken ct) =>
        WithReason(nameof(rejectReason), rejectReason, reason =>
            DecideAsync(a => registry.DecideAsync(User, a, (x, me) => x.Reject(me, reason), true, ct), _ => "Rejected. The requester sees your reason.", ct), ct);

    public Task<IActionResult> OnPostSuspendAsync(string? suspendReason, CancellationToken ct) =>
        WithReason(nameof(suspendReason), suspendReason, reason =>
            DecideAsync(a => registry.DecideAsync(User, a, (x, me) => x.Suspend(me, reason), false, ct), _ => "Suspended.", ct), ct);

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken ct) =>
        DecideAsync(a => registry.DecideAsync(User, a, (x, me) => x.Reinstate(me), false, ct), a => $"Reinstated: the account is {a.Status.Describe()} again.", ct);

    public Task<IActionResult> OnPostRetireAsync(CancellationToken ct) =>
        DecideAsync(a => registry.DecideAsync(User, a, (x, me) => x.Retire(me), false, ct), _ => "Retired. It no longer appears in the public directory.", ct);

    /// <summary>Checks the reason as the API does (<see cref="ReasonRequest"/>), then decides with it.</summary>
    async Task<IActionResult> WithReason(string field, string? reason, Func<string, Task<IActionResult>> decide, CancellationToken ct)
    {
        var request = new ReasonRequest(reason?.Trim() ?? "");
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
            return await decide(request.Reason);
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.AddModelError(field, "Give a reason of at least 3 characters: the requester and the audit log see it.");
        return Page();
    }

    async Task<IActionResult> DecideAsync(Func<Account, Task<Refusal?>> decide, Func<Account, string> done, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanDecide) return Forbid();
        var refusal = await decide(Account);
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        if (refusal is null) Notice = done(Account);
        else Error = refusal.Detail;
        return Page();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = await RegistryCommands.Visible(db.Accounts, User)
            .Include(a => a.Site).Include(a => a.Manager).Include(a => a.BackupManager).Include(a => a.Registrations)
            .SingleOrDefaultAsync(a => a.Id == Id, ct);
        if (account is null) return false;
        Account = account;
        CanDecide = (await authz.AuthorizeAsync(User, account, SiteOperations.Lead)).Succeeded;
        CanEdit = CanDecide || account.ManagerUserId == User.UserId();
        Credential = await vault.AccessAsync(User, account) is VaultService.Access.Keeper or VaultService.Access.Monitor
            ? await vault.StatusAsync(account.Id, ct)
            : null;
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
        var ids = account.Registrations.Select(r => r.ApprovedByUserId)
            .Append(account.RequestedByUserId).Concat(new[] { account.DecidedByUserId, account.ApprovedByUserId, account.BoosterAttestedByUserId }.OfType<int>())
            .Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return true;
    }
}
