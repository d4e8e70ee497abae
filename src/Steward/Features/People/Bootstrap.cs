using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.People;

internal static class Bootstrap
{
    /// <summary>When no user exists yet, creates the first DistrictAdmin from configuration.</summary>
    public static async Task BootstrapAdminAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<StewardOptions>>().Value.Bootstrap;
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<StewardUser>>();
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || await db.Users.AnyAsync(ct)) return;
        if (string.IsNullOrWhiteSpace(options.AdminPassword))
            throw new InvalidOperationException("Steward__Bootstrap__AdminEmail is set but Steward__Bootstrap__AdminPassword is not.");

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>();
        var admin = new StewardUser
        {
            UserName = options.AdminEmail, Email = options.AdminEmail, EmailConfirmed = true,
            FullName = options.AdminFullName, Title = options.AdminTitle, CreatedAt = DateTime.UtcNow,
        };
        admin.Roles.Add(new RoleAssignment { Role = Role.DistrictAdmin, AssignedAt = DateTime.UtcNow });
        var result = await users.CreateAsync(admin, options.AdminPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException("The bootstrap DistrictAdmin could not be created: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        log.LogInformation("Created the first DistrictAdmin, {Email}", options.AdminEmail);
    }
}
