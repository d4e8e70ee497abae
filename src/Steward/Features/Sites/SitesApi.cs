using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.Sites;

public sealed record SiteRequest(
    [property: Required, StringLength(Limits.Code, MinimumLength = 2), RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "code has letters, digits and dashes only.")] string Code,
    [property: Required, StringLength(Limits.Name, MinimumLength = 2)] string Name,
    [property: Required] SiteKind? Kind,
    [property: MaxLength(20)] List<string>? Aliases,
    [property: StringLength(Limits.Name)] string? Mascot,
    [property: StringLength(Limits.Phone)] string? PublicPhone,
    [property: StringLength(Limits.Email), EmailAddress] string? PublicEmail,
    [property: StringLength(Limits.Address)] string? PublicAddress,
    Guid? RowVersion = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var alias in Aliases ?? [])
            if (string.IsNullOrWhiteSpace(alias) || alias.Length > Limits.Name)
                yield return new ValidationResult($"Each alias has 1 to {Limits.Name} characters.", ["aliases"]);
    }
}

public sealed record SiteResponse(int Id, string Code, string Name, SiteKind Kind, IReadOnlyList<string> Aliases, string? Mascot,
    string? PublicPhone, string? PublicEmail, string? PublicAddress, Guid RowVersion)
{
    public static SiteResponse From(Site s) =>
        new(s.Id, s.Code, s.Name, s.Kind, s.Aliases, s.Mascot, s.PublicPhone, s.PublicEmail, s.PublicAddress, s.Version);
}

internal static class SitesApi
{
    public static RouteGroupBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sites").WithTags("Sites");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:int}", GetAsync);
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.DistrictAdmin);
        api.MapPut("/{id:int}", UpdateAsync);
        return api;
    }

    /// <summary>District roles see every site; others see the sites they hold a role at.</summary>
    internal static IQueryable<Site> Visible(this IQueryable<Site> sites, ClaimsPrincipal user)
    {
        if (user.IsDistrictReader()) return sites;
        var mine = user.SiteIds();
        return sites.Where(s => mine.Contains(s.Id));
    }

    static async Task<Results<Ok<PageOf<SiteResponse>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, StewardDb db, CancellationToken ct, string? q = null, int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is ValidationProblem invalid) return invalid;
        var query = db.Sites.AsNoTracking().Visible(user);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(s => s.Code.ToUpper().Contains(term) || s.Name.ToUpper().Contains(term));
        }
        return TypedResults.Ok(await query.OrderBy(s => s.Code).ToPageAsync(page, pageSize, SiteResponse.From, ct));
    }

    static async Task<Results<Ok<SiteResponse>, NotFound>> GetAsync(int id, ClaimsPrincipal user, StewardDb db,
        IAuthorizationService authz, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (site is null || !(await authz.AuthorizeAsync(user, site, SiteOperations.Read)).Succeeded)
            return TypedResults.NotFound();
        return TypedResults.Ok(SiteResponse.From(site));
    }

    static async Task<Results<Created<SiteResponse>, ProblemHttpResult>> CreateAsync(SiteRequest request, StewardDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.Sites.AnyAsync(s => s.Code == code, ct))
            return TypedResults.Problem($"A site with code {code} already exists.", statusCode: 409, title: "Duplicate site code");
        var site = new Site { Code = code, Name = request.Name.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(site, request);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/sites/{site.Id}", SiteResponse.From(site));
    }

    static async Task<Results<Ok<SiteResponse>, NotFound, ProblemHttpResult>> UpdateAsync(int id, SiteRequest request,
        ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, CancellationToken ct)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (site is null || !(await authz.AuthorizeAsync(user, site, SiteOperations.Read)).Succeeded)
            return TypedResults.NotFound();
        if (!(await authz.AuthorizeAsync(user, site, SiteOperations.Manage)).Succeeded)
            return TypedResults.Problem("Only the site's principal or a DistrictAdmin edits a site.", statusCode: 403, title: "Forbidden");
        if (request.RowVersion is { } version && version != site.Version)
            return Stale();

        var code = request.Code.Trim().ToUpperInvariant();
        if (code != site.Code)
        {
            if (!user.Has(People.Role.DistrictAdmin))
                return TypedResults.Problem("Only a DistrictAdmin changes a site's code.", statusCode: 403, title: "Forbidden");
            if (await db.Sites.AnyAsync(s => s.Code == code && s.Id != id, ct))
                return TypedResults.Problem($"A site with code {code} already exists.", statusCode: 409, title: "Duplicate site code");
            site.Code = code;
        }
        site.Name = request.Name.Trim();
        Apply(site, request);
        if (request.RowVersion is { } expected) db.Entry(site).Property(s => s.Version).OriginalValue = expected;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SiteResponse.From(site));
    }

    internal static ProblemHttpResult Stale() => TypedResults.Problem(
        "The record changed since you read it. Reload it and apply your change again.", statusCode: 409, title: "Edited by someone else");

    static void Apply(Site site, SiteRequest r)
    {
        site.Kind = r.Kind ?? SiteKind.School;
        site.Aliases = (r.Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        site.Mascot = Blank(r.Mascot);
        site.PublicPhone = Blank(r.PublicPhone);
        site.PublicEmail = Blank(r.PublicEmail);
        site.PublicAddress = Blank(r.PublicAddress);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
