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

    static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateUserRequest request,
        UserManager<StewardUser> users, TimeProvider clock, CancellationToken ct)
    {
        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return TypedResults.Problem($"A user with email {email} already exists.", statusCode: 409, title: "Duplicate email");

        var user = new StewardUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            FullName = request.FullName.Trim(), Title = request.Title.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = request.Password is { } password ? await users.CreateAsync(user, password) : await users.CreateAsync(user);
        if (!result.Succeeded) return IdentityProblem(result);
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user));
    }

    static async Task<IResult> AssignRoleAsync(int id, RoleRequest request,
        ClaimsPrincipal actor, StewardDb db, TimeProvider clock, CancellationToken ct)
    {
        var target = await UserAccess.Visible(db.Users, actor).Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return TypedResults.NotFound();
        var check = await UserAccess.CheckRoleChangeAsync(db, actor, request, ct);
        if (check is not null) return check;

        if (!target.Roles.Any(r => r.Role == request.Role && r.SiteId == request.SiteId))
        {
            target.Roles.Add(new RoleAssignment
            {
                Role = request.Role!.Value, SiteId = request.SiteId, AssignedAt = clock.GetUtcNow().UtcDateTime,
                AssignedByUserId = actor.UserId(),
            });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    static async Task<IResult> RemoveRoleAsync(int id, [FromBody] RoleRequest request,
        ClaimsPrincipal actor, StewardDb db, CancellationToken ct)
    {
        var target = await UserAccess.Visible(db.Users, actor).Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return TypedResults.NotFound();
        var check = await UserAccess.CheckRoleChangeAsync(db, actor, request, ct);
        if (check is not null) return check;

        var existing = target.Roles.SingleOrDefault(r => r.Role == request.Role && r.SiteId == request.SiteId);
        if (existing is null) return TypedResults.NotFound();
        if (existing.Role == Role.DistrictAdmin && target.Id == actor.UserId())
            return TypedResults.Problem("You cannot remove your own DistrictAdmin role.", statusCode: 409, title: "Conflict");
        if (existing.Role == Role.DistrictAdmin
            && await db.RoleAssignments.CountAsync(r => r.Role == Role.DistrictAdmin, ct) <= 1)
            return TypedResults.Problem("The district needs at least one DistrictAdmin.", statusCode: 409, title: "Conflict");
        db.RoleAssignments.Remove(existing);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeactivateAsync(int id, ClaimsPrincipal actor, StewardDb db,
        UserManager<StewardUser> users, TimeProvider clock, CancellationToken ct)
    {
        var target = await UserAccess.Visible(db.Users, actor).Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return TypedResults.NotFound();
        if (!UserAccess.CanManage(actor, target))
            return TypedResults.Problem("You may deactivate only staff of your own site.", statusCode: 403, title: "Forbidden");
        if (target.Id == actor.UserId())
            return TypedResults.Problem("You cannot deactivate yourself.", statusCode: 409, title: "Conflict");
        if (!target.IsActive) return TypedResults.NoContent();

        target.IsActive = false;
        target.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        // A new stamp ends every cookie and token the user holds, on every node.
        await users.UpdateSecurityStampAsync(target);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound>> ReactivateAsync(int id, StewardDb db, UserManager<StewardUser> users, CancellationToken ct)
    {
        var target = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return TypedResults.NotFound();
        if (target.IsActive) return TypedResults.NoContent();
        target.IsActive = true;
        target.DeactivatedAt = null;
        await users.UpdateSecurityStampAsync(target);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> SetPasswordAsync(int id,
        SetPasswordRequest request, StewardDb db, UserManager<StewardUser> users, CancellationToken ct)
    {
        var target = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return TypedResults.NotFound();
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, target, request.Password);
            if (!valid.Succeeded) return IdentityProblem(valid);
        }
        if (await users.HasPasswordAsync(target)) await users.RemovePasswordAsync(target);
        var result = await users.AddPasswordAsync(target, request.Password);
        return result.Succeeded ? TypedResults.NoContent() : IdentityProblem(result);
    }

    static Task<StewardUser?> Load(StewardDb db, int id, CancellationToken ct) =>
        db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Site).SingleOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>Identity's errors, keyed by the field they concern.</summary>
    internal static ValidationProblem IdentityProblem(IdentityResult result) => TypedResults.ValidationProblem(
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}
