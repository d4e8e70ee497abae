using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>A person placed at a site in a role sees what that role allows, and no more.</summary>
public sealed class RoleJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("Staff member", false)]
    [InlineData("Principal", true)]
    public async Task NewPerson_GivenASiteRole_SignsInAndSeesWhatTheRoleAllows(string role, bool seesPeople)
    {
        var code = app.Unique("RS");
        var siteName = $"Ridge {code} High School";
        var person = $"Avery {code} Lindqvist";
        var email = $"{code.ToLowerInvariant()}@browser.example";
        await using (var admin = await app.AdminSessionAsync(output))
        {
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
        var links = await s.NavLinkNamesAsync();
        Assert.Contains("Sites", links);
        Assert.Contains("My profile", links);
        Assert.Equal(seesPeople, links.Contains("People"));
        Assert.DoesNotContain("Audit log", links);

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
}
