using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>What anyone can reach without signing in, and what they cannot.</summary>
public sealed class AnonymousPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/", 200, "Steward")]
    [InlineData("/signin", 200, "Sign in to Steward")]
    [InlineData("/api-reference", 200, "API reference")]
    [InlineData("/policy", 200, "Social media regulation")]
    [InlineData("/error/404", 200, "Page not found")]
    public async Task PublicPage_ForAnonymousVisitor_RendersAndPassesAxe(string path, int status, string heading)
    {
        await using var s = await app.NewSessionAsync(output);

        Assert.Equal(status, await s.GotoAsync(path));

        Assert.Equal(heading, await Journeys.Heading(s).InnerTextAsync());
        var links = await s.NavLinkNamesAsync();
        Assert.Contains("Home", links);
        Assert.Contains("API", links);
        Assert.Empty(links.Intersect(["Sites", "People", "Audit log", "My profile"]));
        await Expect(s.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task UnknownPage_ForSignedInUser_Answers404WithTheErrorPage()
    {
        await using var s = await app.AdminSessionAsync(output);

        Assert.Equal(404, await s.GotoAsync("/no-such-page"));

        Assert.Equal("Page not found", await Journeys.Heading(s).InnerTextAsync());
    }

    [Fact]
    public async Task UnknownPage_ForAnonymousVisitor_AsksThemToSignInFirst()
    {
        await using var s = await app.NewSessionAsync(output);

        // The fallback policy covers unmatched paths too, so an anonymous visitor learns nothing about what exists.
        await s.GotoAsync("/no-such-page");

        Assert.Equal("/signin", new Uri(s.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task SignedInPage_ForAnonymousVisitor_RedirectsToSignInAndBack()
    {
        await using var s = await app.NewSessionAsync(output);

        await s.GotoAsync("/sites");

        Assert.Equal("/signin", new Uri(s.Page.Url).AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fsites", new Uri(s.Page.Url).Query, StringComparison.OrdinalIgnoreCase);
        await s.Page.GetByLabel("Work email").FillAsync(BrowserApp.AdminEmail);
        await s.Page.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await s.SubmitAsync(Journeys.SubmitButton(s, "Sign in"));
        Assert.Equal("/sites", new Uri(s.Page.Url).AbsolutePath);
    }
}
