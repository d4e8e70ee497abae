using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.People;

/// <summary>Creating people, placing them in roles and deactivating them: one implementation behind
/// the API and the pages.</summary>
internal static class PeopleCommands
{
    public static async Task<(StewardUser? User, Refusal? Refusal)> CreateAsync(UserManager<StewardUser> users,
        CreateUserRequest request, DateTime now)
    {
        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return (null, Refusal.Conflict($"A user with email {email} already exists.", "Duplicate email"));
        var user = new StewardUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            FullName = request.FullName.Trim(), Title = request.Title.Trim(), CreatedAt = now,
        };
        var result = string.IsNullOrEmpty(request.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        return result.Succeeded ? (user, null) : (null, FromIdentity(result));
    }

    /// <summary>DistrictAdmin assigns any role; a principal assigns SiteDesignee or Staff at their own site.</summary>
    public static async Task<Refusal?> CheckRoleChangeAsync(StewardDb db, ClaimsPrincipal actor, Role role, int? siteId, CancellationToken ct)
    {
        if (role.IsSiteRole() && siteId is null)
            return Refusal.Invalid("siteId", $"{role} is a site role: siteId is required.");
        if (!role.IsSiteRole() && siteId is not null)
            return Refusal.Invalid("siteId", $"{role} is a district role: it carries no siteId.");
        if (!actor.Has(Role.DistrictAdmin))
        {
            if (!role.IsSiteRole() || role == Role.Principal)
                return Refusal.Forbidden($"Only a DistrictAdmin assigns the {role} role.");
            if (!actor.HasSiteRole(siteId!.Value, Role.Principal))
                return Refusal.NotFound();
        }
        if (siteId is { } id && !await db.Sites.AnyAsync(s => s.Id == id, ct))
            return Refusal.Invalid("siteId", $"There is no site {id}.");
        return null;
    }

    public static async Task<Refusal?> AssignRoleAsync(StewardDb db, ClaimsPrincipal actor, StewardUser target, Role role, int? siteId,
        DateTime now, CancellationToken ct)
    {
        if (await CheckRoleChangeAsync(db, actor, role, siteId, ct) is { } refused) return refused;
        if (target.Roles.Any(r => r.Role == role && r.SiteId == siteId)) return null;
        target.Roles.Add(new RoleAssignment { Role = role, SiteId = siteId, AssignedAt = now, AssignedByUserId = actor.UserId() });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static async Task<Refusal?> RemoveRoleAsync(StewardDb db, ClaimsPrincipal actor, StewardUser target, Role role, int? siteId,
        CancellationToken ct)
    {
        if (await CheckRoleChangeAsync(db, actor, role, siteId, ct) is { } refused) return refused;
        var existing = target.Roles.SingleOrDefault(r => r.Role == role && r.SiteId == siteId);
        if (existing is null) return Refusal.NotFound($"{target.FullName} does not hold that role.");
        if (existing.Role == Role.DistrictAdmin && target.Id == actor.UserId())
            return Refusal.Conflict("You cannot remove your own DistrictAdmin role.");
        if (existing.Role == Role.DistrictAdmin && await db.RoleAssignments.CountAsync(r => r.Role == Role.DistrictAdmin, ct) <= 1)
            return Refusal.Conflict("The district needs at least one DistrictAdmin.");
        db.RoleAssignments.Remove(existing);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static async Task<Refusal?> DeactivateAsync(StewardDb db, UserManager<StewardUser> users, ClaimsPrincipal actor, StewardUser target, DateTime now)
    {
        if (!UserAccess.CanManage(actor, target))
            return Refusal.Forbidden("You may deactivate only staff of your own site.");
        if (target.Id == actor.UserId()) return Refusal.Conflict("You cannot deactivate yourself.");
        if (!target.IsActive) return null;
        target.Deactivate(now);
        // Staff departure: the accounts they ran need someone else (API.md, deactivate).
        var managed = await db.Accounts.Where(a => a.ManagerUserId == target.Id).ToListAsync();
        foreach (var account in managed) account.NeedsReassignment = true;
        await Vault.VaultService.MarkRotationDueAsync(db, managed.Select(a => a.Id), "The account's manager was deactivated.");
        // A new stamp also ends refresh tokens and remembered two-factor browsers.
        await users.UpdateSecurityStampAsync(target);
        return null;
    }

    public static async Task<Refusal?> ReactivateAsync(UserManager<StewardUser> users, StewardUser target)
    {
        if (target.IsActive) return null;
        target.Reactivate();
        await users.UpdateSecurityStampAsync(target);
        return null;
    }

    public static async Task<Refusal?> SetPasswordAsync(UserManager<StewardUser> users, StewardUser target, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, target, password);
            if (!valid.Succeeded) return FromIdentity(valid);
        }
        if (await users.HasPasswordAsync(target)) await users.RemovePasswordAsync(target);
        target.EndSessions();
        var result = await users.AddPasswordAsync(target, password);
        return result.Succeeded ? null : FromIdentity(result);
    }

    /// <summary>Identity's errors, keyed by the field they concern.</summary>
    static Refusal FromIdentity(IdentityResult result)
    {
        var first = result.Errors.First();
        var field = first.Code.Contains("Password", StringComparison.Ordinal) ? "password"
            : first.Code.Contains("Email", StringComparison.Ordinal) || first.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user";
        return Refusal.Invalid(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
