using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

[Collection(SharedBrowserApp.Name)]
public sealed partial class JourneyTests(BrowserApp app, ITestOutputHelper output)
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
        Assert.Equal(["Home", "Sites", "People", "Audit log", "My profile", "API"], await s.NavLinkNamesAsync());
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
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);
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
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);
        var code = app.Unique("DU");
        await s.CreateSiteAsync(code, $"First {code} School");

        await s.GotoAsync("/sites/edit");
        await s.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await s.Page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Second {code} School");
        await s.SubmitAsync(Journeys.SubmitButton(s, "Save site"));

        Assert.Equal("/sites/edit", new Uri(s.Page.Url).AbsolutePath);
        await Expect(s.Page.Locator("#Input_Code").Locator("xpath=..").Locator(".usa-error-message")).Not.ToBeEmptyAsync();
    }

    [Theory]
    [InlineData("Staff member", false)]
    [InlineData("Principal", true)]
    public async Task NewPerson_GivenASiteRole_SignsInAndSeesWhatTheRoleAllows(string role, bool seesPeople)
    {
        var code = app.Unique("RS");
        var siteName = $"Ridge {code} High School";
        var person = $"Avery {code} Lindqvist";
        var email = $"{code.ToLowerInvariant()}@browser.example";
        await using (var admin = await app.NewSessionAsync(output))
        {
            await admin.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);
            await admin.CreateSiteAsync(code, siteName);
            var id = await admin.CreatePersonAsync(person, email);
            await admin.AssignRoleAsync(role, siteName);

            // The person is listed with the role at the site's code.
            await admin.GotoAsync($"/people?q={Uri.EscapeDataString(email)}");
            var row = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
            await Expect(row).ToContainTextAsync($"({code})");
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = person })).ToHaveAttributeAsync("href", $"/people/{id}");
            await admin.SignOutAsync();
        }

        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(email);

        Assert.Equal($"Welcome, {person}", await Journeys.Heading(s).InnerTextAsync());
        await Expect(s.Page.Locator(".usa-intro")).ToHaveTextAsync($"You are signed in as {role} at {siteName}.");
        List<string> expected = seesPeople
            ? ["Home", "Sites", "People", "My profile", "API"]
            : ["Home", "Sites", "My profile", "API"];
        Assert.Equal(expected, await s.NavLinkNamesAsync());

        // What the navigation hides, the server refuses too.
        await s.GotoAsync("/audit");
        Assert.Equal("You are not allowed to do that", await Journeys.Heading(s).InnerTextAsync());
        if (!seesPeople)
        {
            await s.GotoAsync("/people");
            Assert.Equal("You are not allowed to do that", await Journeys.Heading(s).InnerTextAsync());
        }
        else
        {
            // A principal sees their own site's people.
            await s.SubmitAsync(s.NavLink("People"));
            await Expect(s.Page.GetByRole(AriaRole.Link, new() { Name = person })).ToBeVisibleAsync();
        }

        // Sites lists their site.
        await s.SubmitAsync(s.NavLink("Sites"));
        await Expect(s.Page.GetByRole(AriaRole.Rowheader, new() { Name = code, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TwoFactor_EnabledOnProfile_IsRequiredAtNextSignIn()
    {
        var code = app.Unique("TF");
        var email = $"{code.ToLowerInvariant()}@browser.example";
        await using (var admin = await app.NewSessionAsync(output))
        {
            await admin.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);
            await admin.CreatePersonAsync($"Morgan {code} Okafor", email);
        }

        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(email);
        await s.SubmitAsync(s.NavLink("My profile"));
        var key = (await s.Page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();
        Assert.Matches("^[a-z2-7 ]{20,}$", key);
        await Expect(s.Page.GetByRole(AriaRole.Img, new() { Name = "QR code" })).ToBeVisibleAsync();

        // A wrong code is refused and two-factor stays off.
        var enableStep = Totp.StepAt(DateTimeOffset.UtcNow);
        var good = Totp.Code(key, enableStep);
        await s.Page.GetByLabel("Six-digit code").FillAsync(good == "000000" ? "111111" : "000000");
        await s.SubmitAsync(Journeys.SubmitButton(s, "Turn on two-factor sign-in"));
        await Expect(s.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");

        await s.Page.GetByLabel("Six-digit code").FillAsync(good);
        await s.SubmitAsync(Journeys.SubmitButton(s, "Turn on two-factor sign-in"));
        await Expect(s.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-factor sign-in is on.");
        var recoveryCodes = await s.Page.GetByTestId("recovery-codes").Locator("li").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Count);
        await s.SignOutAsync();

        // The password alone now leads to the code page, not the dashboard.
        await s.SignInAsync(email);
        Assert.Equal("/signin/two-factor", new Uri(s.Page.Url).AbsolutePath);
        Assert.DoesNotContain(await s.Context.CookiesAsync(), c => c.Name == "steward.auth");
        await s.Page.GetByLabel("Six-digit code").FillAsync("123 45");
        await s.SubmitAsync(Journeys.SubmitButton(s, "Verify"));
        await Expect(s.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");

        // A fresh code: the current one unless it is the code just used to turn two-factor on; then
        // the next step's, which the server accepts within its clock-drift window.
        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        var fresh = Totp.Code(key, step == enableStep ? step + 1 : step);
        await s.Page.GetByLabel("Six-digit code").FillAsync(fresh);
        await s.SubmitAsync(Journeys.SubmitButton(s, "Verify"));
        Assert.Equal("/", new Uri(s.Page.Url).AbsolutePath);
        Assert.StartsWith("Welcome", await Journeys.Heading(s).InnerTextAsync(), StringComparison.Ordinal);

        await s.SubmitAsync(s.NavLink("My profile"));
        await Expect(s.Page.GetByText("Two-factor sign-in is on.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AuditLog_VerifyTheChain_ReportsItIntactAfterChanges()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);
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
