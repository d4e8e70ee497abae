using System.Net;
using System.Net.Http.Json;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Auth;

public abstract class AuthApiTests(StewardApp app)
{
    [DbFact]
    public async Task Login_WithRightPassword_ReturnsBearerTokens()
    {
        var user = await app.CreateUserAsync();

        var response = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password });

        var tokens = await response.ReadAsync<StewardApp.TokenResponse>();
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.NotEmpty(tokens.AccessToken);
        Assert.NotEmpty(tokens.RefreshToken);
        Assert.True(tokens.ExpiresIn > 0);
    }

    [DbFact]
    public async Task Refresh_WithRefreshToken_ReturnsNewAccessTokenThatWorks()
    {
        var user = await app.CreateUserAsync();
        var login = await (await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password }))
            .ReadAsync<StewardApp.TokenResponse>();

        var refreshed = await (await app.Anonymous().PostJsonAsync("/api/auth/refresh", new { refreshToken = login.RefreshToken }))
            .ReadAsync<StewardApp.TokenResponse>();

        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(refreshed.AccessToken).GetAsync("/api/users/me")).StatusCode);
    }

    [DbFact]
    public async Task Register_IsNotMapped_Returns404AndCreatesNobody()
    {
        var response = await app.Anonymous().PostJsonAsync("/api/auth/register", new { email = "self@test.example", password = StewardApp.Password });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == "self@test.example")));
    }

    [DbFact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        var user = await app.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = "not-the-password-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Api_WithoutToken_Returns401ProblemNotARedirect()
    {
        var response = await app.Anonymous().GetAsync("/api/sites");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [DbFact]
    public async Task Api_WithGarbageToken_Returns401()
    {
        var response = await app.WithToken("not-a-real-token").GetAsync("/api/users/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [DbFact]
    public async Task TwoFactor_EnabledThroughTheApi_LoginNeedsTheCode()
    {
        var user = await app.CreateUserAsync();
        var client = await app.ClientForUserAsync(user);
        var setup = await (await client.PostJsonAsync("/api/auth/manage/2fa", new { })).JsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;

        var enable = await client.PostJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);

        var withoutCode = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password });
        var withCode = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password, twoFactorCode = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("RequiresTwoFactor", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        var me = await (await app.WithToken((await withCode.ReadAsync<StewardApp.TokenResponse>()).AccessToken).GetAsync("/api/users/me")).ReadAsync<UserDto>();
        Assert.True(me.TwoFactorEnabled);
    }

    [DbFact]
    public async Task Me_ReturnsTheSignedInUserWithRoles()
    {
        var site = await app.CreateSiteAsync();
        var user = await app.CreateUserAsync(Role.SiteDesignee, site.Id);

        var me = await (await (await app.ClientForUserAsync(user)).GetAsync("/api/users/me")).ReadAsync<UserDto>();

        Assert.Equal(user.Id, me.Id);
        Assert.Equal([new RoleDto("SiteDesignee", site.Id, site.Code)], me.Roles);
    }
}

public sealed class AuthApiTests_Sqlite(SqliteApp app) : AuthApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuthApiTests_Postgres(PostgresApp app) : AuthApiTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
