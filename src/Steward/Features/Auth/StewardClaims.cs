using System.Globalization;
using System.Security.Claims;
using Steward.Features.People;

namespace Steward.Features.Auth;

internal static class StewardClaims
{
    /// <summary>A site role, as "Principal:12".</summary>
    public const string SiteRole = "steward:site-role";
    public const string FullName = "steward:full-name";
    public const string Epoch = "steward:epoch";
    const string Loaded = "steward:loaded";

    public static int UserId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
            CultureInfo.InvariantCulture);

    public static int? TryUserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool Has(this ClaimsPrincipal user, Role role) => user.IsInRole(role.ToString());

    public static bool HasAny(this ClaimsPrincipal user, params ReadOnlySpan<Role> roles)
    {
        foreach (var role in roles)
            if (user.Has(role)) return true;
        return false;
    }

    /// <summary>Any of the district roles that read across all sites.</summary>
    public static bool IsDistrictReader(this ClaimsPrincipal user) => user.HasAny(Roles.District);

    public static IEnumerable<(Role Role, int SiteId)> SiteRoles(this ClaimsPrincipal user)
    {
        foreach (var claim in user.FindAll(SiteRole))
        {
            var parts = claim.Value.Split(':');
            if (parts.Length == 2 && Enum.TryParse<Role>(parts[0], out var role)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var site))
                yield return (role, site);
        }
    }

    public static bool HasSiteRole(this ClaimsPrincipal user, int siteId, params ReadOnlySpan<Role> roles)
    {
        foreach (var (role, site) in user.SiteRoles())
            if (site == siteId && roles.Contains(role)) return true;
        return false;
    }

    public static bool IsMemberOf(this ClaimsPrincipal user, int siteId) => user.SiteRoles().Any(r => r.SiteId == siteId);

    public static bool IsLeadOf(this ClaimsPrincipal user, int siteId) =>
        user.HasSiteRole(siteId, Role.Principal, Role.SiteDesignee);

    public static HashSet<int> SiteIds(this ClaimsPrincipal user, params ReadOnlySpan<Role> roles)
    {
        var set = new HashSet<int>();
        foreach (var (role, site) in user.SiteRoles())
            if (roles.IsEmpty || roles.Contains(role)) set.Add(site);
        return set;
    }

    internal static bool IsLoaded(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == Loaded);

    internal static Claim LoadedMarker() => new(Loaded, "1");
}
