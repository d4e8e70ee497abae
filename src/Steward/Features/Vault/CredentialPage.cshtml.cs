using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Registry;

namespace Steward.Features.Vault;

public sealed class CredentialPageModel(StewardDb db, VaultService vault) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public Account Account { get; private set; } = null!;
    public CredentialStatus Status { get; private set; } = null!;
    public List<CredentialHistoryEntry> History { get; private set; } = [];
    public RevealedCredential? Revealed { get; private set; }
    public bool IsKeeper { get; private set; }
    public bool HasTwoFactor => vault.SatisfiesTwoFactor(User);
    /// <summary>Two-factor is on for the person, but this session began before it was (or without a code).</summary>
    public bool TwoFactorOnButNotUsed { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostStoreAsync(string? username, string? password, string? notes, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!IsKeeper) return Forbid();
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password) || username.Length > 200 || password.Length > 2000 || notes?.Length > 2000)
        {
            Error = "Enter the username (up to 200 characters) and the password (up to 2,000).";
            return Page();
        }
        await vault.StoreAsync(User, Account, username.Trim(), password, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), ct);
        Notice = "Stored as a new version.";
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(string? reason, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store"; // as antiforgery sets it for pages with forms, so it need not override (and warn)
        Response.Headers.Pragma = "no-cache";
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!HasTwoFactor) { Error = "Revealing needs two-factor sign-in."; return Page(); }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3) { Error = "Say why you need the credential."; return Page(); }
        var (revealed, refusal) = await vault.RevealAsync(User, Account, reason.Trim(), ct);
        Revealed = revealed;
        Error = refusal?.Detail;
        return await LoadAsync(ct) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, ct);
        if (account is null) return NotFound();
        var access = await vault.AccessAsync(User, account);
        if (access == VaultService.Access.None) return NotFound();
        if (access == VaultService.Access.SeeAccountOnly) return Forbid();
        Account = account;
        IsKeeper = access == VaultService.Access.Keeper;
        Status = await vault.StatusAsync(Id, ct);
        History = await vault.HistoryAsync(Id, ct);
        if (!HasTwoFactor && User.TryUserId() is { } me)
            TwoFactorOnButNotUsed = await db.Users.AsNoTracking().AnyAsync(u => u.Id == me && u.TwoFactorEnabled, ct);
        return null;
    }
}
