using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Steward.Features.People;

namespace Steward.Features.Auth;

/// <summary>Stamps each cookie and token with the user's session epoch (see <see cref="StewardUser.SessionEpoch"/>).</summary>
internal sealed class StewardClaimsFactory(UserManager<StewardUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StewardUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StewardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StewardClaims.Epoch, user.SessionEpoch.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
