using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.People;

/// <summary>Who sees and manages whom. District readers see everyone; site leads see the people of
/// their sites and people not yet placed at any site (so a principal can place a new hire).</summary>
internal static class UserAccess
{
    public static IQueryable<StewardUser> Visible(IQueryable<StewardUser> users, ClaimsPrincipal actor)
    {
        if (actor.IsDistrictReader()) return users;
        var me = actor.UserId();
        var led = actor.SiteIds(Role.Principal, Role.SiteDesignee);
        if (led.Count == 0) return users.Where(u => u.Id == me);
        return users.Where(u => u.Id == me || !u.Roles.Any() || u.Roles.Any(r => r.SiteId != null && led.Contains(r.SiteId.Value)));
    }

    /// <summary>A principal manages people whose every role is a site role at one of the principal's sites.</summary>
    public static bool CanManage(ClaimsPrincipal actor, StewardUser target)
    {
        if (actor.Has(Role.DistrictAdmin)) return true;
        var mine = actor.SiteIds(Role.Principal);
        return target.Roles.All(r => r.SiteId is { } site && mine.Contains(site));
    }
}
