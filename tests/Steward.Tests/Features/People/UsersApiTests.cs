using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.People;

public abstract class UsersApiTests(StewardApp app)
{
    [DbFact]
    public async Task Create_ByDistrictAdmin_Returns201AndTheUserCanSignIn()
    {
        var admin = await app.AdminAsync();
        var email = app.Unique("new") + "@test.example";

        var response = await admin.PostJsonAsync("/api/users", new { email, fullName = "Maria Elena Ruiz", title = "Teacher, Spanish", password = StewardApp.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.ReadAsync<UserDto>();
        Assert.Equal("Maria Elena Ruiz", user.FullName);
        Assert.Equal("Teacher, Spanish", user.Title);
        Assert.True(user.IsActive);
        Assert.Empty(user.Roles);
        Assert.NotEmpty(await app.LoginAsync(email));
    }

    [DbFact]
    public async Task Create_WithDuplicateEmail_Returns409()
    {
        var admin = await app.AdminAsync();
        var existing = await app.CreateUserAsync();

        var response = await admin.PostJsonAsync("/api/users", new { email = existing.Email!.ToUpperInvariant(), fullName = "Someone Else", title = "Clerk" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [DbFact]
    public async Task Create_WithWeakPassword_Returns400NamingPasswordAndStoresNobody()
    {
        var admin = await app.AdminAsync();
        var email = app.Unique("weak") + "@test.example";

        var response = await admin.PostJsonAsync("/api/users", new { email, fullName = "Weak Password", title = "Clerk", password = "short" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [DbFact]
    public async Task AssignRole_SiteRoleWithoutSite_Returns400NamingSiteId()
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync();

        var response = await admin.PostJsonAsync($"/api/users/{user.Id}/roles", new { role = "Principal" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "siteId");
    }

    [DbFact]
    public async Task AssignRole_ThenRemove_ChangesWhatTheUserCanSeeAtOnce()
    {
        var admin = await app.AdminAsync();
        var site = await app.CreateSiteAsync();
        var user = await app.CreateUserAsync();
        var client = await app.ClientForUserAsync(user);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sites/{site.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync($"/api/users/{user.Id}/roles", new { role = "Staff", siteId = site.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/sites/{site.Id}")).StatusCode);
        var shown = await (await admin.GetAsync($"/api/users/{user.Id}")).ReadAsync<UserDto>();
        Assert.Equal([new RoleDto("Staff", site.Id, site.Code)], shown.Roles);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteJsonAsync($"/api/users/{user.Id}/roles", new { role = "Staff", siteId = site.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sites/{site.Id}")).StatusCode);
    }

    [DbFact]
    public async Task AssignRole_ByStaff_Returns403AndAssignsNothing()
    {
        var site = await app.CreateSiteAsync();
        var staff = await app.ClientAsync(Role.Staff, site.Id);
        var target = await app.CreateUserAsync(Role.Staff, site.Id);

        var response = await staff.PostJsonAsync($"/api/users/{target.Id}/roles", new { role = "SiteDesignee", siteId = site.Id });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.UserId == target.Id)));
    }

    [DbFact]
    public async Task AssignRole_ByPrincipal_StaffAtOwnSiteWorks_PrincipalRoleAndOtherSiteDoNot()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var hire = await app.CreateUserAsync();

        var own = await principal.PostJsonAsync($"/api/users/{hire.Id}/roles", new { role = "SiteDesignee", siteId = site.Id });
        var promote = await principal.PostJsonAsync($"/api/users/{hire.Id}/roles", new { role = "Principal", siteId = site.Id });
        var district = await principal.PostJsonAsync($"/api/users/{hire.Id}/roles", new { role = "DistrictAdmin" });
        var elsewhere = await principal.PostJsonAsync($"/api/users/{hire.Id}/roles", new { role = "Staff", siteId = other.Id });

        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        await promote.AssertProblemAsync(HttpStatusCode.Forbidden);
        await district.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var roles = await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.UserId == hire.Id).Select(r => r.Role).ToListAsync());
        Assert.Equal([Role.SiteDesignee], roles);
    }

    [DbFact]
    public async Task Get_UserOfAnotherSiteAsPrincipal_Returns404()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var colleague = await app.CreateUserAsync(Role.Staff, site.Id);
        var stranger = await app.CreateUserAsync(Role.Staff, other.Id);

        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/api/users/{colleague.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/users/{stranger.Id}")).StatusCode);
        var list = await (await principal.GetAsync("/api/users?pageSize=200")).ReadAsync<Page<UserDto>>();
        Assert.Contains(list.Items, u => u.Id == colleague.Id);
        Assert.DoesNotContain(list.Items, u => u.Id == stranger.Id);
    }

    [DbFact]
    public async Task Deactivate_EndsTheUsersTokenAndRefusesSignIn()
    {
        var admin = await app.AdminAsync();
        var site = await app.CreateSiteAsync();
        var user = await app.CreateUserAsync(Role.Staff, site.Id);
        var token = await app.LoginAsync(user.Email!);
        var client = app.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{user.Id}/deactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users/me")).StatusCode);
        var login = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var shown = await (await admin.GetAsync($"/api/users/{user.Id}")).ReadAsync<UserDto>();
        Assert.False(shown.IsActive);
    }

    [DbFact]
    public async Task Deactivate_RefreshTokenStopsWorking()
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync();
        var login = await (await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password }))
            .ReadAsync<StewardApp.TokenResponse>();

        await admin.PostAsync($"/api/users/{user.Id}/deactivate", null);
        var refresh = await app.Anonymous().PostJsonAsync("/api/auth/refresh", new { refreshToken = login.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [DbFact]
    public async Task Deactivate_ByPrincipalOfAnotherSite_Returns404AndLeavesTheUserActive()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, other.Id);
        var user = await app.CreateUserAsync(Role.Staff, site.Id);

        var response = await principal.PostAsync($"/api/users/{user.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await app.WithDbAsync(async db => (await db.Users.FindAsync(user.Id))!.IsActive));
    }

    [DbFact]
    public async Task Deactivate_ByOwnPrincipal_Works()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var user = await app.CreateUserAsync(Role.Staff, site.Id);

        var response = await principal.PostAsync($"/api/users/{user.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await app.WithDbAsync(async db => (await db.Users.FindAsync(user.Id))!.IsActive));
    }

    [DbFact]
    public async Task Reactivate_LetsTheUserSignInAgain()
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync();
        await admin.PostAsync($"/api/users/{user.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{user.Id}/reactivate", null)).StatusCode);

        Assert.NotEmpty(await app.LoginAsync(user.Email!));
    }

    [DbFact]
    public async Task SetPassword_ByAdmin_EndsOldTokensAndTheNewPasswordWorks()
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync();
        var old = app.WithToken(await app.LoginAsync(user.Email!));

        var response = await admin.PutJsonAsync($"/api/users/{user.Id}/password", new { password = "a-brand-new-passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/users/me")).StatusCode);
        Assert.NotEmpty(await app.LoginAsync(user.Email!, "a-brand-new-passphrase"));
    }

    [DbFact]
    public async Task RemoveRole_TheLastDistrictAdmin_Returns409()
    {
        var admin = await app.AdminAsync();
        var me = await (await admin.GetAsync("/api/users/me")).ReadAsync<UserDto>();

        var response = await admin.DeleteJsonAsync($"/api/users/{me.Id}/roles", new { role = "DistrictAdmin" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class UsersApiTests_Sqlite(SqliteApp app) : UsersApiTests(app), IClassFixture<SqliteApp>;

public sealed class UsersApiTests_Postgres(PostgresApp app) : UsersApiTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
