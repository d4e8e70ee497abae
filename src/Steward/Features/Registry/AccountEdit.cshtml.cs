using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.Registry;

/// <summary>The manager or a site lead edits an account; the version read travels with the form, so a
/// change made meanwhile by someone else is refused rather than overwritten.</summary>
public sealed class AccountEditModel(StewardDb db, RegistryCommands registry, IAuthorizationService authz) : AccountFormPage(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public Account Account { get; private set; } = null!;
    public bool Stale { get; private set; }

    public override string SubmitText => "Save changes";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } refused) return refused;
        Input = AccountInput.From(Account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var refusal = await registry.UpdateAsync(User, Account, Input.ToRequest(Account.SiteId), ct);
        if (refusal is null) return Redirect($"/accounts/{Id}?saved=true");
        Stale = refusal.Status == 409 && refusal.Field is null && refusal.Title != "Already registered";
        Show(refusal);
        return Page();
    }

    async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        var account = await RegistryCommands.Visible(Db.Accounts, User).Include(a => a.Site).SingleOrDefaultAsync(a => a.Id == Id, ct);
        if (account is null) return NotFound();
        if (account.ManagerUserId != User.UserId() && !(await authz.AuthorizeAsync(User, account, SiteOperations.Lead)).Succeeded)
            return Forbid();
        Account = account;
        await LoadSiteAsync(account.SiteId, ct);
        return null;
    }
}
