using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts").WithTags("Registry");
        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync);
        api.MapGet("/{id:int}", GetAsync);
        api.MapPut("/{id:int}", UpdateAsync);
        api.MapPost("/{id:int}/approve", (int id, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry, CancellationToken ct) =>
            DecideAsync(id, user, db, authz, registry, (a, r, c) => r.ApproveAsync(user, a, c), ct));
        api.MapPost("/{id:int}/reject", (int id, ReasonRequest request, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry, CancellationToken ct) =>
            DecideAsync(id, user, db, authz, registry, (a, r, c) => r.DecideAsync(user, a, (x, me) => x.Reject(me, request.Reason.Trim()), true, c), ct));
        api.MapPost("/{id:int}/suspend", (int id, ReasonRequest request, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry, CancellationToken ct) =>
            DecideAsync(id, user, db, authz, registry, (a, r, c) => r.DecideAsync(user, a, (x, me) => x.Suspend(me, request.Reason.Trim()), false, c), ct));
        api.MapPost("/{id:int}/reinstate", (int id, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry, CancellationToken ct) =>
            DecideAsync(id, user, db, authz, registry, (a, r, c) => r.DecideAsync(user, a, (x, me) => x.Reinstate(me), false, c), ct));
        api.MapPost("/{id:int}/retire", (int id, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry, CancellationToken ct) =>
            DecideAsync(id, user, db, authz, registry, (a, r, c) => r.DecideAsync(user, a, (x, me) => x.Retire(me), false, c), ct));
        return api;
    }

    static IQueryable<Account> WithPeople(this IQueryable<Account> q) => q.Include(a => a.Site).Include(a => a.Manager);

    static async Task<IResult> ListAsync(ClaimsPrincipal user, StewardDb db, CancellationToken ct, int? siteId = null, AccountStatus? status = null,
        AccountCategory? category = null, Platform? platform = null, string? q = null, bool? needsReassignment = null, int? managerUserId = null,
        int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is { } invalid) return invalid;
        var query = RegistryCommands.Filter(RegistryCommands.Visible(db.Accounts.AsNoTracking(), user),
            new AccountFilter(siteId, status, category, platform, q, needsReassignment, managerUserId));
        // Projected in SQL: the site's code and the manager's name, not their whole rows (bench/Steward.Registry.Bench).
        return TypedResults.Ok(await query.OrderBy(a => a.SiteId).ThenBy(a => a.Platform).ThenBy(a => a.Handle)
            .Select(a => new AccountResponse(a.Id, a.SiteId, a.Site!.Code, a.Platform, a.Handle, a.Url, a.DisplayName, a.Category, a.Purpose,
                a.ManagerUserId, a.Manager!.FullName, a.BackupManagerUserId, a.Status, a.SchoolYear, a.ApprovedByUserId, a.ApprovedAt,
                a.NeedsReassignment, a.PrincipalNotifiedOn, a.BoosterGuidelinesAttested, a.DecisionReason, a.RequestedByUserId, a.RequestedAt, a.Version))
            .ToPageAsync(page, pageSize, x => x, ct));
    }

    static async Task<Results<Ok<AccountResponse>, NotFound>> GetAsync(int id, ClaimsPrincipal user, StewardDb db, CancellationToken ct)
    {
        var account = await RegistryCommands.Visible(db.Accounts.AsNoTracking(), user).WithPeople().SingleOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(AccountResponse.From(account));
    }

    static async Task<IResult> CreateAsync(AccountRequest request, ClaimsPrincipal user, RegistryCommands registry, StewardDb db, CancellationToken ct)
    {
        var (account, refusal) = await registry.RequestAsync(user, request, ct);
        if (account is null) return refusal!.ToResult();
        await db.Entry(account).Reference(a => a.Site).LoadAsync(ct);
        await db.Entry(account).Reference(a => a.Manager).LoadAsync(ct);
        return TypedResults.Created($"/api/accounts/{account.Id}", AccountResponse.From(account));
    }

    static async Task<IResult> UpdateAsync(int id, AccountRequest request, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz,
        RegistryCommands registry, CancellationToken ct)
    {
        var account = await RegistryCommands.Visible(db.Accounts, user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return TypedResults.NotFound();
        if (account.ManagerUserId != user.UserId() && !(await authz.AuthorizeAsync(user, account, SiteOperations.Lead)).Succeeded)
            return TypedResults.Problem("Only the account's manager or a site lead edits it.", statusCode: 403, title: "Forbidden");
        var refusal = await registry.UpdateAsync(user, account, request, ct);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }

    /// <summary>Site leads of the account's site and DistrictAdmin decide; others who can see it get 403,
    /// those who cannot get 404.</summary>
    static async Task<IResult> DecideAsync(int id, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz, RegistryCommands registry,
        Func<Account, RegistryCommands, CancellationToken, Task<Refusal?>> decide, CancellationToken ct)
    {
        var account = await RegistryCommands.Visible(db.Accounts, user).Include(a => a.Registrations).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return TypedResults.NotFound();
        if (!(await authz.AuthorizeAsync(user, account, SiteOperations.Lead)).Succeeded)
            return TypedResults.Problem("Only the site's principal or designee, or a DistrictAdmin, decides on an account.", statusCode: 403, title: "Forbidden");
        var refusal = await decide(account, registry, ct);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }
}
