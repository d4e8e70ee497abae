using System.Net;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Security;

public sealed class WebSecurityTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SignInPage_SetsSecureHttpOnlySameSiteCookie_AndLandsOnTheDashboard()
    {
        var user = await app.CreateUserAsync(Role.EthicsOffice);
        var browser = new PageClient(app);

        var response = await browser.SignInAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("steward.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var dashboard = await browser.GetHtmlAsync("/");
        Assert.Contains("Office of Employee Relations and Ethics", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_WrongPassword_ShowsTheErrorAndSetsNoCookie()
    {
        var user = await app.CreateUserAsync();
        var browser = new PageClient(app);

        var response = await browser.SignInAsync(user.Email!, "wrong-password-entirely");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("steward.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_Returns400()
    {
        var response = await app.Anonymous().PostAsync("/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@test.example", ["Password"] = "whatever-it-is" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ProtectedPage_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/people");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_AsStaff_IsDenied()
    {
        var site = await app.CreateSiteAsync();
        var user = await app.CreateUserAsync(Role.Staff, site.Id);
        var browser = new PageClient(app);
        await browser.SignInAsync(user.Email!);

        var response = await browser.Http.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivatedUser_CookieStopsWorkingOnTheNextRequest()
    {
        var admin = await app.AdminAsync();
        var site = await app.CreateSiteAsync();
        var user = await app.CreateUserAsync(Role.Principal, site.Id);
        var browser = new PageClient(app);
        await browser.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/people")).StatusCode);

        await admin.PostAsync($"/api/users/{user.Id}/deactivate", null);

        var after = await browser.Http.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/api/sites")]
    [InlineData("/health")]
    [InlineData("/lib/uswds/css/uswds.min.css")]
    public async Task EveryResponse_CarriesSecurityHeaders(string url)
    {
        var response = await app.Anonymous().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Health_AnswersWhenTheDatabaseDoes()
    {
        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApiWithoutRegister()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/sites", out _));
        Assert.True(paths.TryGetProperty("/api/audit/verify", out _));
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
        Assert.False(paths.TryGetProperty("/api/auth/register", out _));
    }

    [Fact]
    public async Task ApiReferencePage_ListsEndpoints()
    {
        var html = await new PageClient(app).GetHtmlAsync("/api-reference");

        Assert.Contains("/api/users/{id}/deactivate", html, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyNotFoundPage()
    {
        var site = await app.CreateSiteAsync();
        var user = await app.CreateUserAsync(Role.Principal, site.Id);
        var browser = new PageClient(app);
        await browser.SignInAsync(user.Email!);

        var response = await browser.Http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
