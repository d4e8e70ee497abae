using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Auth;

/// <summary>Sessions, the API's bearer-only sign-in and the profile page: findings of the security audit.</summary>
public abstract class SessionSecurityTests(StewardApp app)
{
    async Task<PageClient> SignedInAsync(string email, string password = StewardApp.Password)
    {
        var pages = new PageClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(email, password)).StatusCode);
        return pages;
    }

    Task<int> AuditCountAsync() => app.WithDbAsync(db => db.AuditEvents.CountAsync());

    [DbFact]
    public async Task Api_IgnoresThePagesCookie_401_TheRegistryPageServesItsReportDownloadItself()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.CreateUserAsync(Role.Principal, site.Id);
        var pages = await SignedInAsync(principal.Email!);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/profile")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await pages.Http.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await pages.Http.PostJsonAsync("/api/compliance/scan", new { text = "hello" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await pages.Http.PostJsonAsync($"/api/sites/{site.Id}/submissions", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await pages.Http.GetAsync($"/api/reports/registry?format=csv&siteId={site.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForUserAsync(principal)).GetAsync("/api/users/me")).StatusCode);

        var registryPage = await pages.Http.GetStringAsync($"/registry?siteId={site.Id}");
        var link = System.Text.RegularExpressions.Regex.Matches(registryPage, "href=\"([^\"]*)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Single(href => href.Contains("handler=Report", StringComparison.Ordinal) && href.Contains("format=csv", StringComparison.Ordinal));
        Assert.Contains($"siteId={site.Id}", link, StringComparison.Ordinal);
        var download = await pages.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("SiteCode,", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var staff = await SignedInAsync((await app.CreateUserAsync(Role.Staff, site.Id)).Email!);
        var refused = await staff.Http.GetAsync($"/registry?handler=Report&format=csv&siteId={site.Id}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("SiteCode,", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ChangingOwnPassword_OnTheApi_EndsEveryOtherSession()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var changer = await app.ClientForUserAsync(user);
        var other = await app.ClientForUserAsync(user);
        var pages = await SignedInAsync(user.Email!);
        const string next = "a-brand-new-passphrase-42";

        var changed = await changer.PostJsonAsync("/api/auth/manage/info", new { oldPassword = StewardApp.Password, newPassword = next });

        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.Http.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(await app.LoginAsync(user.Email!, next)).GetAsync("/api/users/me")).StatusCode);
    }

    [DbFact]
    public async Task ChangingOwnPassword_OnTheProfilePage_EndsOtherSessions_AndKeepsThisOne()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var api = await app.ClientForUserAsync(user);
        var pages = await SignedInAsync(user.Email!);

        var changed = await pages.PostFormAsync("/profile", new Dictionary<string, string> { ["current"] = StewardApp.Password, ["next"] = "another-new-passphrase-7" },
            "/profile?handler=Password");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/users/me")).StatusCode);
        var html = await pages.GetHtmlAsync(changed.Headers.Location!.ToString());
        Assert.Contains("Your password is changed", html, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ProfilePage_APlainVisitCreatesNoKeyAndWritesNothing_SetUpIsAPostThatRedirects()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var pages = await SignedInAsync(user.Email!);
        var before = await AuditCountAsync();

        var html = await pages.GetHtmlAsync("/profile");

        Assert.Equal(before, await AuditCountAsync());
        Assert.DoesNotContain("data-testid=\"authenticator-key\"", html, StringComparison.Ordinal);
        Assert.Contains(user.FullName, html, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Set<IdentityUserToken<int>>().Where(t => t.UserId == user.Id).Select(t => t.Value).FirstOrDefaultAsync()));

        var setup = await pages.PostFormAsync("/profile", new Dictionary<string, string>(), "/profile?handler=Setup");

        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        var after = await pages.GetHtmlAsync(setup.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"authenticator-key\"", after, StringComparison.Ordinal);
        Assert.Contains("steward-whoami\">" + user.FullName, after, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ProfilePage_TurningTwoFactorOff_NeedsTheCurrentPassword()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var pages = await SignedInAsync(user.Email!);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
        }
        Task<bool> EnabledAsync() => app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync());

        var without = await pages.PostFormAsync("/profile", new Dictionary<string, string>(), "/profile?handler=Disable");
        var wrong = await pages.PostFormAsync("/profile", new Dictionary<string, string> { ["password"] = "not-my-password-at-all" }, "/profile?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Contains("Enter your current password", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.True(await EnabledAsync());
        var right = await pages.PostFormAsync("/profile", new Dictionary<string, string> { ["password"] = StewardApp.Password }, "/profile?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await EnabledAsync());
    }
}

public sealed class SessionSecurityTests_Sqlite(SqliteApp app) : SessionSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class SessionSecurityTests_Postgres(PostgresApp app) : SessionSecurityTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
