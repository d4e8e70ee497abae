using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Steward.Features.People;

namespace Steward.Features.Auth;

[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<StewardUser> signIn) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required, StringLength(128)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Message = "Enter your work email and password.";
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturn(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Auth/SignInTwoFactor", new { returnUrl = SafeReturn(ReturnUrl) });
        Message = result.IsLockedOut
            ? "This account is locked after repeated failed sign-ins. Try again in 15 minutes."
            : "The email or password is not right, or the account is not active.";
        return Page();
    }

    internal string SafeReturn(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
