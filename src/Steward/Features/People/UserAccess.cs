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

    /// <summary>DistrictAdmin assigns any role; a principal assigns SiteDesignee or Staff at their own site.</summary>
    public static async Task<IResult?> CheckRoleChangeAsync(StewardDb db, ClaimsPrincipal actor, RoleRequest request, CancellationToken ct)
    {
        var role = request.Role!.Value;
        if (role.IsSiteRole() && request.SiteId is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = [$"{role} is a site role: siteId is required."] });
        if (!role.IsSiteRole() && request.SiteId is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = [$"{role} is a district role: it carries no siteId."] });

        if (!actor.Has(Role.DistrictAdmin))
        {
            if (!role.IsSiteRole() || role == Role.Principal)
                return TypedResults.Problem($"Only a DistrictAdmin assigns the {role} role.", statusCode: 403, title: "Forbidden");
            if (!actor.HasSiteRole(request.SiteId!.Value, Role.Principal))
                return TypedResults.NotFound();
        }
        if (request.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = [$"There is no site {siteId}."] });
        return null;
    }
}
