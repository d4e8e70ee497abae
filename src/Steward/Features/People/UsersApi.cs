using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.People;

public sealed record CreateUserRequest(
    [property: Required, EmailAddress, StringLength(Limits.Email)] string Email,
    [property: Required, StringLength(Limits.Name, MinimumLength = 2)] string FullName,
    [property: Required, StringLength(Limits.Name, MinimumLength = 2)] string Title,
    [property: StringLength(Limits.Password)] string? Password);

public sealed record RoleRequest([property: Required] Role? Role, int? SiteId);

public sealed record SetPasswordRequest([property: Required, StringLength(Limits.Password)] string Password);

public sealed record RoleResponse(Role Role, int? SiteId, string? SiteCode);

public sealed record UserResponse(int Id, string Email, string FullName, string Title, bool IsActive, bool TwoFactorEnabled,
    IReadOnlyList<RoleResponse> Roles, DateTime CreatedAt, DateTime? DeactivatedAt)
{
    public static UserResponse From(StewardUser u) => new(u.Id, u.Email ?? "", u.FullName, u.Title, u.IsActive, u.TwoFactorEnabled,
        u.Roles.OrderBy(r => r.Role).Select(r => new RoleResponse(r.Role, r.SiteId, r.Site?.Code)).ToList(), u.CreatedAt, u.DeactivatedAt);
}

internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("People");
        api.MapGet("/", ListAsync);
        api.MapGet("/me", Me);
        api.MapGet("/{id:int}", GetAsync);
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.UserManager);
        api.MapPost("/{id:int}/roles", AssignRoleAsync).RequireAuthorization(Policies.UserManager);
        api.MapDelete("/{id:int}/roles", RemoveRoleAsync).RequireAuthorization(Policies.UserManager);
        api.MapPost("/{id:int}/deactivate", DeactivateAsync).RequireAuthorization(Policies.UserManager);
        api.MapPost("/{id:int}/reactivate", ReactivateAsync).RequireAuthorization(Policies.DistrictAdmin);
        api.MapPut("/{id:int}/password", SetPasswordAsync).RequireAuthorization(Policies.DistrictAdmin);
        return api;
    }

    static async Task<Results<Ok<PageOf<UserResponse>>, ValidationProblem>> ListAsync(ClaimsPrincipal user, StewardDb db,
        CancellationToken ct, string? q = null, int? siteId = null, bool? active = null, int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is ValidationProblem invalid) return invalid;
        var query = UserAccess.Visible(db.Users.AsNoTracking(), user).Include(u => u.Roles).ThenInclude(r => r.Site).AsSplitQuery();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.FullName.ToUpper().Contains(term));
        }
        if (siteId is { } site) query = query.Where(u => u.Roles.Any(r => r.SiteId == site));
        if (active is { } isActive) query = query.Where(u => u.IsActive == isActive);
        return TypedResults.Ok(await query.OrderBy(u => u.FullName).ThenBy(u => u.Id).ToPageAsync(page, pageSize, UserResponse.From, ct));
    }

    static async Task<Results<Ok<UserResponse>, NotFound>> Me(ClaimsPrincipal user, StewardDb db, CancellationToken ct)
    {
        var me = await Load(db, user.UserId(), ct);
        return me is null ? TypedResults.NotFound() : TypedResults.Ok(UserResponse.From(me));
    }

    static async Task<Results<Ok<UserResponse>, NotFound>> GetAsync(int id, ClaimsPrincipal user, StewardDb db, CancellationToken ct)
    {
        var found = await UserAccess.Visible(db.Users.AsNoTracking(), user).Include(u => u.Roles).ThenInclude(r => r.Site)
            .SingleOrDefaultAsync(u => u.Id == id, ct);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(UserResponse.From(found));
    }

    static async Task<IResult> CreateAsync(CreateUserRequest request, UserManager<StewardUser> users, TimeProvider clock)
    {
        var (user, refusal) = await PeopleCommands.CreateAsync(users, request, clock.GetUtcNow().UtcDateTime);
        return user is null ? refusal!.ToResult() : TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user));
    }

    static async Task<IResult> AssignRoleAsync(int id, RoleRequest request, ClaimsPrincipal actor, StewardDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var target = await FindVisibleAsync(db, actor, id, ct);
        if (target is null) return TypedResults.NotFound();
        var refusal = await PeopleCommands.AssignRoleAsync(db, actor, target, request.Role!.Value, request.SiteId, clock.GetUtcNow().UtcDateTime, ct);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }

    static async Task<IResult> RemoveRoleAsync(int id, [FromBody] RoleRequest request, ClaimsPrincipal actor, StewardDb db, CancellationToken ct)
    {
        var target = await FindVisibleAsync(db, actor, id, ct);
        if (target is null) return TypedResults.NotFound();
        var refusal = await PeopleCommands.RemoveRoleAsync(db, actor, target, request.Role!.Value, request.SiteId, ct);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }

    static async Task<IResult> DeactivateAsync(int id, ClaimsPrincipal actor, StewardDb db, UserManager<StewardUser> users,
        TimeProvider clock, CancellationToken ct)
    {
        var target = await FindVisibleAsync(db, actor, id, ct);
        if (target is null) return TypedResults.NotFound();
        var refusal = await PeopleCommands.DeactivateAsync(db, users, actor, target, clock.GetUtcNow().UtcDateTime);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }

    static async Task<IResult> ReactivateAsync(int id, ClaimsPrincipal actor, StewardDb db, UserManager<StewardUser> users, CancellationToken ct)
    {
        var target = await FindVisibleAsync(db, actor, id, ct);
        if (target is null) return TypedResults.NotFound();
        var refusal = await PeopleCommands.ReactivateAsync(users, target);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }

    static async Task<IResult> SetPasswordAsync(int id, SetPasswordRequest request, ClaimsPrincipal actor, StewardDb db,
        UserManager<StewardUser> users, CancellationToken ct)
    {
        var target = await FindVisibleAsync(db, actor, id, ct);
        if (target is null) return TypedResults.NotFound();
        var refusal = await PeopleCommands.SetPasswordAsync(users, target, request.Password);
        return refusal?.ToResult() ?? TypedResults.NoContent();
    }

    internal static Task<StewardUser?> FindVisibleAsync(StewardDb db, ClaimsPrincipal actor, int id, CancellationToken ct) =>
        UserAccess.Visible(db.Users, actor).Include(u => u.Roles).ThenInclude(r => r.Site).SingleOrDefaultAsync(u => u.Id == id, ct);

    static Task<StewardUser?> Load(StewardDb db, int id, CancellationToken ct) =>
        db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Site).SingleOrDefaultAsync(u => u.Id == id, ct);
}
