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
        var (site, conflict) = await SiteCommands.CreateAsync(db, request, clock.GetUtcNow().UtcDateTime, ct);
        if (site is null) return TypedResults.Problem(conflict, statusCode: 409, title: "Duplicate site code");
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
        var failure = await SiteCommands.UpdateAsync(db, site, request, user.Has(People.Role.DistrictAdmin), ct);
        return failure is null ? TypedResults.Ok(SiteResponse.From(site)) : TypedResults.Problem(failure.Detail, statusCode: failure.Status, title: failure.Title);
    }
}
