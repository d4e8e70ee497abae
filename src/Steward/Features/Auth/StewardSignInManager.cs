using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Steward.Features.People;

namespace Steward.Features.Auth;

/// <summary>Identity's sign-in manager, refusing deactivated users (page and API sign-in, token refresh).</summary>
internal sealed class StewardSignInManager(
    UserManager<StewardUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<StewardUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<StewardUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StewardUser> confirmation)
    : SignInManager<StewardUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StewardUser user) =>
        user.IsActive && await base.CanSignInAsync(user);
}
