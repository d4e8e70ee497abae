using System.Globalization;
using System.Security.Claims;
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

public sealed class ProfileModel(UserManager<StewardUser> users, SignInManager<StewardUser> signIn, StewardDb db, ProtectedContactCommands contacts,
    Microsoft.AspNetCore.Authentication.IClaimsTransformation claims) : PageModel
{
    /// <summary>What a redirect after a change says (the change is made by a POST; the page is shown by a GET).</summary>
    static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["setup"] = "Your authenticator key is ready: add it to your app and enter the code it shows.",
        ["disabled"] = "Two-factor sign-in is off.",
        ["password"] = "Your password is changed. Your other sessions have ended.",
    };

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

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        if (!await LoadAsync()) return Challenge();
        if (done is not null) Notice = Notices.GetValueOrDefault(done);
        return Page();
    }

    /// <summary>Creates (or renews) the authenticator key only when asked: a plain visit changes nothing.</summary>
    public async Task<IActionResult> OnPostSetupAsync()
    {
        if (!await LoadAsync()) return Challenge();
        if (Me.TwoFactorEnabled) return RedirectToPage();
        await users.ResetAuthenticatorKeyAsync(Me);
        await signIn.RefreshSignInAsync(Me); // the reset renewed the security stamp
        return RedirectToPage(new { done = "setup" });
    }

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
        // The recovery codes are shown once, on this answer, so no redirect: the refreshed sign-in is read again
        // (name and roles) for the rest of the request, as on any other.
        HttpContext.User = await claims.TransformAsync(HttpContext.User);
        Notice = "Two-factor sign-in is on.";
        await LoadAsync();
        return Page();
    }

    /// <summary>Turning two-factor sign-in off takes the current password: a session left open is not enough.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string? password)
    {
        if (!await LoadAsync()) return Challenge();
        if (!Me.TwoFactorEnabled) return RedirectToPage();
        if (string.IsNullOrEmpty(password) || !(await signIn.CheckPasswordSignInAsync(Me, password, lockoutOnFailure: true)).Succeeded)
        {
            Error = "Enter your current password to turn two-factor sign-in off.";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        return RedirectToPage(new { done = "disabled" });
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
        // The new password ended every session (a new epoch), this cookie's too: sign in afresh, keeping how this
        // session signed in (two-factor or not). A refresh would read the ended cookie and refuse.
        await signIn.SignInAsync(Me, isPersistent: false, authenticationMethod: User.FindFirstValue("amr"));
        return RedirectToPage(new { done = "password" });
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
        if (!me.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(me) is { Length: > 0 } key)
        {
            FormattedKey = Format(key);
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
