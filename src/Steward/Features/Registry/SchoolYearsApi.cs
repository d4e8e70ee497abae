using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Sites;

namespace Steward.Features.Registry;

public sealed record SchoolYearResponse(string SchoolYear, string CalendarSchoolYear, IReadOnlyList<string> OpenedYears);

public sealed record OpenYearResponse(string SchoolYear, int AccountsMovedToRenewal);

public sealed record SiteRenewal(int SiteId, string SiteCode, string SiteName, int Registered, int Unrenewed, IReadOnlyList<AccountResponse> UnrenewedAccounts);

internal static class SchoolYearsApi
{
    public static RouteGroupBuilder MapSchoolYearsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/school-years").WithTags("Registry");
        api.MapGet("/current", CurrentAsync);
        api.MapPost("/{year}/open", OpenAsync).RequireAuthorization(Policies.DistrictAdmin);
        api.MapGet("/{year}/renewals", RenewalsAsync);
        return api;
    }

    static async Task<Ok<SchoolYearResponse>> CurrentAsync(StewardDb db, RegistryCommands registry, CancellationToken ct) =>
        TypedResults.Ok(new SchoolYearResponse(await registry.CurrentSchoolYearAsync(ct), registry.DerivedSchoolYear,
            await db.SchoolYearOpenings.OrderBy(o => o.SchoolYear).Select(o => o.SchoolYear).ToListAsync(ct)));

    static async Task<IResult> OpenAsync(string year, ClaimsPrincipal user, RegistryCommands registry, CancellationToken ct)
    {
        if (!SchoolYears.IsValid(year))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["A school year reads like 2027-28."] });
        var (opened, moved) = await registry.OpenSchoolYearAsync(user, year, ct);
        return TypedResults.Ok(new OpenYearResponse(opened, moved));
    }

    /// <summary>Per site, what is registered for the year and what still needs renewal (Registry §1).</summary>
    static async Task<IResult> RenewalsAsync(string year, ClaimsPrincipal user, StewardDb db, CancellationToken ct, int? siteId = null)
    {
        if (!SchoolYears.IsValid(year))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["A school year reads like 2027-28."] });
        return TypedResults.Ok(await RenewalStatusAsync(db, user, year, siteId, ct));
    }

    internal static async Task<List<SiteRenewal>> RenewalStatusAsync(StewardDb db, ClaimsPrincipal user, string year, int? siteId, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Visible(user).Where(s => siteId == null || s.Id == siteId).OrderBy(s => s.Code).ToListAsync(ct);
        var ids = sites.Select(s => s.Id).ToList();
        var registered = await db.AccountRegistrations.AsNoTracking().Where(r => r.SchoolYear == year)
            .Join(db.Accounts.Where(a => ids.Contains(a.SiteId) && a.Status == AccountStatus.Approved), r => r.AccountId, a => a.Id, (r, a) => a.SiteId)
            .GroupBy(s => s).Select(g => new { SiteId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.SiteId, g => g.Count, ct);
        var unrenewed = await db.Accounts.AsNoTracking().Include(a => a.Site).Include(a => a.Manager)
            .Where(a => ids.Contains(a.SiteId) && a.Status == AccountStatus.NeedsRenewal)
            .OrderBy(a => a.Platform).ThenBy(a => a.Handle).ToListAsync(ct);
        return sites.Select(s => new SiteRenewal(s.Id, s.Code, s.Name, registered.GetValueOrDefault(s.Id),
            unrenewed.Count(a => a.SiteId == s.Id), unrenewed.Where(a => a.SiteId == s.Id).Select(AccountResponse.From).ToList())).ToList();
    }
}
