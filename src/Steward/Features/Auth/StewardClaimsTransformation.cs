using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Auth;

/// <summary>On every authenticated request, reads the user's state and roles from the database. Tokens
/// and cookies carry only who the user is, so a deactivation, a password change or a role change takes
/// effect at once on every node, and no node keeps state another needs.</summary>
internal sealed class StewardClaimsTransformation(StewardDb db, IHttpContextAccessor http) : IClaimsTransformation
{
    internal const string Rejected = "steward:session-rejected";

    ClaimsPrincipal Anonymous
    {
        get
        {
            if (http.HttpContext is { } context) context.Items[Rejected] = true;
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.IsLoaded()) return principal;
        // Only full sign-ins (cookie and bearer principals are both minted as ApplicationScheme); the
        // short-lived two-factor and external cookies pass through untouched.
        if (principal.Identity.AuthenticationType != Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme) return principal;
        var id = principal.TryUserId();
        if (id is null) return Anonymous;

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.IsActive, u.SessionEpoch, u.Email, u.FullName, Roles = u.Roles.Select(r => new { r.Role, r.SiteId }).ToList() })
            .SingleOrDefaultAsync();
        if (user is null || !user.IsActive) return Anonymous;

        // Deactivation or a password reset starts a new epoch; tokens of an older one stop working.
        var epoch = principal.FindFirstValue(StewardClaims.Epoch);
        if (epoch != user.SessionEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture)) return Anonymous;

        var source = (ClaimsIdentity)principal.Identity;
        var result = new ClaimsIdentity(source.Claims.Where(c => c.Type != ClaimTypes.Role), source.AuthenticationType,
            source.NameClaimType, ClaimTypes.Role);
        result.AddClaim(StewardClaims.LoadedMarker());
        result.AddClaim(new Claim(StewardClaims.FullName, user.FullName));
        if (user.Email is not null && !result.HasClaim(c => c.Type == ClaimTypes.Email))
            result.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        foreach (var role in user.Roles)
        {
            result.AddClaim(new Claim(ClaimTypes.Role, role.Role.ToString()));
            if (role.SiteId is { } site)
                result.AddClaim(new Claim(StewardClaims.SiteRole, FormattableString.Invariant($"{role.Role}:{site}")));
        }
        return new ClaimsPrincipal(result);
    }
}

internal static class EndedSessions
{
    /// <summary>A token or cookie of a deactivated user, or of an ended session, is refused outright:
    /// 401 for the API, and for pages the cookie is removed so the person is asked to sign in again.</summary>
    public static IApplicationBuilder UseEndedSessionRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.ContainsKey(StewardClaimsTransformation.Rejected))
        {
            if (Infrastructure.ErrorSetup.IsApi(context.Request))
            {
                await Results.Problem(statusCode: 401, title: "Your session has ended",
                    detail: "Sign in again.").ExecuteAsync(context);
                return;
            }
            await context.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
            // Forget the successful authentication result too, so authorization challenges (sign in)
            // instead of forbidding.
            context.Features.Set<Microsoft.AspNetCore.Authentication.IAuthenticateResultFeature>(null);
            context.Features.Set<Microsoft.AspNetCore.Http.Features.Authentication.IHttpAuthenticationFeature>(null);
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }
        await next(context);
    });
}
