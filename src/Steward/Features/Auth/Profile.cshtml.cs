using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Steward.Data;
using Steward.Features.Compliance;
using Steward.Features.People;

namespace Steward.Features.Auth;

public sealed class ProfileModel(UserManager<StewardUser> users, SignInManager<StewardUser> signIn, StewardDb db, ProtectedContactCommands contacts) : PageModel
{
    /// <summary>The person's own protected home contacts (Privacy §5), masked.</summary>
    public ProtectedContactResponse? HomeContacts { get; private set; }
    /// <summary>Field ("Phones", "Addresses") → what is wrong with it; the typed values are never shown again.</summary>
    public Dictionary<string, string> HomeContactErrors { get; } = [];

    public StewardUser Me { get; private set; } = null!;
    public string? FormattedKey { get; private set; }
    public string? QrDataUri { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (!await LoadAsync()) return Challenge();
        var token = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            Error = "That code is not valid. Check the time on your phone and try the next code.";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Me, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10))?.ToList();
        await signIn.RefreshSignInAsync(Me);
        Notice = "Two-factor sign-in is on.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await LoadAsync()) return Challenge();
        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        Notice = "Two-factor sign-in is off.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? next)
    {
        if (!await LoadAsync()) return Challenge();
        var result = await users.ChangePasswordAsync(Me, current ?? "", next ?? "");
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            return Page();
        }
        await signIn.RefreshSignInAsync(Me);
        Notice = "Your password is changed.";
        return Page();
    }

    public async Task<IActionResult> OnPostProtectAsync(string? phones, string? addresses, CancellationToken ct)
    {
        if (!await LoadAsync()) return Challenge();
        var existing = await ProtectedContactCommands.Visible(db.ProtectedContacts, User).SingleOrDefaultAsync(c => c.UserId == Me.Id, ct);
        var form = new ProtectedContactForm { Phones = phones, Addresses = addresses };
        var request = form.ToRequest(Me.Id, editing: existing is not null) with { PersonName = existing?.PersonName };
        var refusal = existing is null ? (await contacts.CreateAsync(User, request, ct)).Refusal : await contacts.UpdateAsync(User, existing, request, ct);
        if (refusal is null) Notice = "Your home contacts are protected: a post that carries them is blocked (Privacy §5).";
        else if (refusal.Field is "phones" or "addresses") HomeContactErrors[refusal.Field == "phones" ? "Phones" : "Addresses"] = refusal.Detail;
        else Error = refusal.Detail;
        db.ChangeTracker.Clear();
        await LoadHomeContactsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnprotectAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return Challenge();
        var existing = await ProtectedContactCommands.Visible(db.ProtectedContacts, User).SingleOrDefaultAsync(c => c.UserId == Me.Id, ct);
        if (existing is not null)
        {
            await contacts.DeleteAsync(existing, ct);
            Notice = "Your home contacts are no longer on file.";
        }
        await LoadHomeContactsAsync(ct);
        return Page();
    }

    async Task LoadHomeContactsAsync(CancellationToken ct)
    {
        var mine = await db.ProtectedContacts.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == Me.Id, ct);
        HomeContacts = mine is null ? null : contacts.Describe(mine);
    }

    async Task<bool> LoadAsync()
    {
        var id = User.TryUserId();
        var me = id is null ? null : await users.Users.Include(u => u.Roles).ThenInclude(r => r.Site).SingleOrDefaultAsync(u => u.Id == id);
        if (me is null) return false;
        Me = me;
        await LoadHomeContactsAsync(HttpContext.RequestAborted);
        if (!me.TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(me);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(me);
                await signIn.RefreshSignInAsync(me); // the reset renewed the security stamp
                key = await users.GetAuthenticatorKeyAsync(me);
            }
            FormattedKey = Format(key!);
            var uri = string.Create(CultureInfo.InvariantCulture,
                $"otpauth://totp/{Uri.EscapeDataString("Steward:" + me.Email)}?secret={key}&issuer=Steward&digits=6");
            using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(qr).GetGraphic(4);
            QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        }
        return true;
    }

    static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
