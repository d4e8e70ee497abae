using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

public sealed record SubmissionSummary(int Id, int SiteId, string? SiteCode, string SchoolYear, DateTime SubmittedAt, int AccountCount, string SubmittedByName);

public sealed record SubmissionDetail(int Id, int SiteId, string? SiteCode, string? SiteName, string SchoolYear, DateTime SubmittedAt, int AccountCount,
    string SubmittedByName, IReadOnlyList<SubmittedAccount> Accounts, SubmissionDiff Diff, int? PreviousSubmissionId);

public sealed record SiteSubmissionStatus(int SiteId, string SiteCode, string SiteName, bool Submitted, DateTime? LastSubmittedAt, int? AccountCount, int? SubmissionId);

/// <summary>Registry §5: each site sends its list of approved accounts, without credentials, to the
/// Office of Employee Relations and Ethics, shared with the Social Media Administrator and the Director
/// of Public Information.</summary>
internal static class SubmissionsApi
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sites/{siteId:int}/submissions", SubmitAsync).WithTags("Registry");
        var api = app.MapGroup("/api/submissions").WithTags("Registry");
        api.MapGet("/", ListAsync);
        api.MapGet("/status", StatusAsync).RequireAuthorization(Policies.RegistryReader);
        api.MapGet("/{id:int}", GetAsync);
    }

    /// <summary>District recipients see every submission; site leads see their own sites'.</summary>
    internal static IQueryable<Submission> Visible(IQueryable<Submission> submissions, ClaimsPrincipal user)
    {
        if (Policies.IsRegistryReader(user)) return submissions;
        var led = user.SiteIds(Role.Principal, Role.SiteDesignee);
        return submissions.Where(s => led.Contains(s.SiteId));
    }

    static bool MaySeeAny(ClaimsPrincipal user) => Policies.IsRegistryReader(user) || user.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0;

    internal static async Task<(Submission? Submission, Refusal? Refusal)> SubmitCoreAsync(int siteId, ClaimsPrincipal user, StewardDb db,
        IAuthorizationService authz, RegistryCommands registry, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null || !(await authz.AuthorizeAsync(user, site, SiteOperations.Read)).Succeeded) return (null, Refusal.NotFound());
        if (!(await authz.AuthorizeAsync(user, site, SiteOperations.Lead)).Succeeded)
            return (null, Refusal.Forbidden("The site's principal or designee submits its list."));

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.SiteId == siteId && a.Status == AccountStatus.Approved)
            .OrderBy(a => a.Platform).ThenBy(a => a.Handle)
            .Select(a => new SubmittedAccount(a.Id, a.Platform.ToString(), a.Handle, a.Url, a.DisplayName, a.Category.ToString(), a.ManagerUserId,
                a.Manager!.FullName, a.Manager.Title, a.ApprovedBy == null ? null : a.ApprovedBy.FullName, a.ApprovedAt))
            .ToListAsync(ct);
        var previous = await db.Submissions.AsNoTracking().Where(s => s.SiteId == siteId).OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);
        var before = previous is null ? null : JsonSerializer.Deserialize<List<SubmittedAccount>>(previous.Snapshot, Json);
        var submission = new Submission
        {
            SiteId = siteId, SchoolYear = await registry.CurrentSchoolYearAsync(ct), SubmittedAt = registry.Now, SubmittedByUserId = user.UserId(),
            SubmittedByName = user.FindFirstValue(StewardClaims.FullName) ?? "", AccountCount = accounts.Count,
            Snapshot = JsonSerializer.Serialize(accounts, Json), Diff = JsonSerializer.Serialize(SubmissionDiff.Between(before, accounts), Json),
            PreviousSubmissionId = previous?.Id,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(ct);
        return (submission, null);
    }

    static async Task<IResult> SubmitAsync(int siteId, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry, CancellationToken ct)
    {
        var (submission, refusal) = await SubmitCoreAsync(siteId, user, db, authz, registry, ct);
        if (submission is null) return refusal!.ToResult();
        return TypedResults.Created($"/api/submissions/{submission.Id}",
            new { submission.Id, submission.SiteId, submission.SchoolYear, submission.SubmittedAt, submission.AccountCount });
    }

    static async Task<IResult> ListAsync(ClaimsPrincipal user, StewardDb db, CancellationToken ct, int? siteId = null, string? schoolYear = null,
        int? page = null, int? pageSize = null)
    {
        if (!MaySeeAny(user)) return TypedResults.Forbid();
        if (Paging.Invalid(page, pageSize) is { } invalid) return invalid;
        var query = Visible(db.Submissions.AsNoTracking(), user);
        if (siteId is { } site) query = query.Where(s => s.SiteId == site);
        if (!string.IsNullOrWhiteSpace(schoolYear)) query = query.Where(s => s.SchoolYear == schoolYear);
        return TypedResults.Ok(await query.Include(s => s.Site).OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
            .ToPageAsync(page, pageSize, s => new SubmissionSummary(s.Id, s.SiteId, s.Site?.Code, s.SchoolYear, s.SubmittedAt, s.AccountCount, s.SubmittedByName), ct));
    }

    static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, StewardDb db, CancellationToken ct)
    {
        if (!MaySeeAny(user)) return TypedResults.Forbid();
        var s = await Visible(db.Submissions.AsNoTracking(), user).Include(x => x.Site).SingleOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(s));
    }

    internal static SubmissionDetail Detail(Submission s) => new(s.Id, s.SiteId, s.Site?.Code, s.Site?.Name, s.SchoolYear, s.SubmittedAt, s.AccountCount,
        s.SubmittedByName, JsonSerializer.Deserialize<List<SubmittedAccount>>(s.Snapshot, Json)!,
        JsonSerializer.Deserialize<SubmissionDiff>(s.Diff, Json)!, s.PreviousSubmissionId);

    /// <summary>District-wide: which sites have submitted for the school year.</summary>
    static async Task<IResult> StatusAsync(StewardDb db, RegistryCommands registry, CancellationToken ct, string? schoolYear = null)
    {
        if (schoolYear is not null && !SchoolYears.IsValid(schoolYear))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["schoolYear"] = ["A school year reads like 2027-28."] });
        var year = schoolYear ?? await registry.CurrentSchoolYearAsync(ct);
        return TypedResults.Ok(await StatusForAsync(db, year, ct));
    }

    internal static async Task<List<SiteSubmissionStatus>> StatusForAsync(StewardDb db, string year, CancellationToken ct)
    {
        var latest = await db.Submissions.AsNoTracking().Where(s => s.SchoolYear == year)
            .GroupBy(s => s.SiteId).Select(g => g.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id).First())
            .ToListAsync(ct);
        var bySite = latest.ToDictionary(s => s.SiteId);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return sites.Select(s => bySite.TryGetValue(s.Id, out var sub)
            ? new SiteSubmissionStatus(s.Id, s.Code, s.Name, true, sub.SubmittedAt, sub.AccountCount, sub.Id)
            : new SiteSubmissionStatus(s.Id, s.Code, s.Name, false, null, null, null)).ToList();
    }
}
