using System.Net;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Security;

public sealed class LogLeakTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Logs_NeverContainPasswordsOrTokens_EvenWhenThingsFail()
    {
        const string password = "log-canary-passphrase-77";
        var admin = await app.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/users", new { email = app.Unique("log") + "@test.example", fullName = "Log Canary", title = "Clerk", password }))
            .ReadAsync<UserDto>();
        var tokens = await (await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = created.Email, password }))
            .ReadAsync<StewardApp.TokenResponse>();
        await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = created.Email, password = password + "-wrong" });
        await app.WithToken(tokens.AccessToken).GetAsync("/api/users/me");
        await app.Anonymous().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await admin.PutJsonAsync($"/api/users/{created.Id}/password", new { password = password + "-reset" });
        await app.WithToken(tokens.AccessToken).GetAsync("/api/users/me"); // now refused
        await admin.PostAsync("/api/sites", Http.Raw("{\"code\":\"" + password + "\","));

        var log = app.Log.Text;
        Assert.NotEmpty(app.Log.Lines);
        Assert.DoesNotContain(password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken[..24], log, StringComparison.Ordinal);
    }
}

public sealed class RateLimitedApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Steward:RateLimits:SignInPerMinute", "3")];
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Login_MoreThanTheLimitPerMinute_Returns429Problem()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password-" + i })).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        var limited = await app.Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = StewardApp.Password });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task SignInPage_GetIsNotLimited()
    {
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/signin")).StatusCode);
    }
}
