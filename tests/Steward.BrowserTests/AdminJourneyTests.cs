using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>The district administrator signs in, manages sites and checks the audit chain.</summary>
public sealed partial class AdminJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SignIn_AsDistrictAdmin_ShowsAdminNavigationAndPassesAxe()
    {
        await using var s = await app.NewSessionAsync(output);

        await s.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);

        Assert.Equal($"Welcome, {BrowserApp.AdminName}", await Journeys.Heading(s).InnerTextAsync());
        await Expect(s.Page.Locator(".usa-intro")).ToContainTextAsync("Superintendent or designee");
        var cards = s.Page.GetByRole(AriaRole.List, new() { Name = "What you can do" });
        foreach (var card in new[] { "Sites", "People", "Audit log", "Two-factor sign-in" })
            await Expect(cards.GetByRole(AriaRole.Heading, new() { Name = card, Exact = true })).ToBeVisibleAsync();
        // Later features add their own links; these are the foundation's, in this order.
        Assert.Equal(["Home", "Sites", "People", "Audit log", "My profile", "API"],
            (await s.NavLinkNamesAsync()).Intersect(["Home", "Sites", "People", "Audit log", "My profile", "API"]));
        await Expect(s.NavLink("Home")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(s.Page.Locator(".steward-whoami")).ToHaveTextAsync(BrowserApp.AdminName);

        // The auth cookie is Secure, yet Chromium keeps it on http://127.0.0.1 (a potentially trustworthy origin).
        var auth = Assert.Single(await s.Context.CookiesAsync(), c => c.Name == "steward.auth");
        Assert.True(auth.Secure);
        Assert.True(auth.HttpOnly);

        // Each nav link leads to a page that passes axe.
        foreach (var link in new[] { "Sites", "People", "Audit log", "My profile", "API" })
        {
            await s.SubmitAsync(s.NavLink(link));
            await Expect(s.NavLink(link)).ToHaveAttributeAsync("aria-current", "page");
        }
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_StaysOnSignInWithAnError()
    {
        await using var s = await app.NewSessionAsync(output);

        await s.SignInAsync(BrowserApp.AdminEmail, "not-the-password-at-all");

        Assert.Equal("/signin", new Uri(s.Page.Url).AbsolutePath);
        await Expect(s.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not right");
        Assert.DoesNotContain(await s.Context.CookiesAsync(), c => c.Name == "steward.auth");
    }

    [Fact]
    public async Task CreateSite_ThroughNewSiteForm_AppearsInSitesList()
    {
        await using var s = await app.AdminSessionAsync(output);
        var code = app.Unique("BT");
        var name = $"Bayside {code} High School";

        await s.CreateSiteAsync(code, name);

        var row = s.Page.GetByRole(AriaRole.Row).Filter(new() { Has = s.Page.GetByRole(AriaRole.Rowheader, new() { Name = code, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync("Herons");
        await Expect(row).ToContainTextAsync("(555) 010-2000");
        // The edit link opens the same form with what was saved.
        await s.SubmitAsync(row.GetByRole(AriaRole.Link, new() { Name = $"Edit {name}" }));
        Assert.Equal("Edit site", await Journeys.Heading(s).InnerTextAsync());
        await Expect(s.Page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
    }

    [Fact]
    public async Task CreateSite_WithADuplicateCode_IsRefusedOnTheForm()
    {
        await using var s = await app.AdminSessionAsync(output);
        var code = app.Unique("DU");
        await s.CreateSiteAsync(code, $"First {code} School");

        await s.GotoAsync("/sites/edit");
        await s.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await s.Page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Second {code} School");
        await s.SubmitAsync(Journeys.SubmitButton(s, "Save site"));

        Assert.Equal("/sites/edit", new Uri(s.Page.Url).AbsolutePath);
        await Expect(s.Page.Locator("#Input_Code").Locator("xpath=..").Locator(".usa-error-message")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task AuditLog_VerifyTheChain_ReportsItIntactAfterChanges()
    {
        await using var s = await app.AdminSessionAsync(output);
        var code = app.Unique("AU");
        await s.CreateSiteAsync(code, $"Audit {code} Middle School");

        await s.SubmitAsync(s.NavLink("Audit log"));
        // The new site's creation is in the log.
        await Expect(s.Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = code }).First).ToBeVisibleAsync();
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }));

        var result = s.Page.GetByTestId("verify-result");
        await Expect(result).ToHaveClassAsync(new Regex("usa-alert--success"));
        var text = await result.InnerTextAsync();
        var match = ChainIntact().Match(text);
        Assert.True(match.Success, text);
        Assert.True(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, text);
    }

    [GeneratedRegex(@"The chain of (\d+) events is intact\.")]
    private static partial Regex ChainIntact();
}
