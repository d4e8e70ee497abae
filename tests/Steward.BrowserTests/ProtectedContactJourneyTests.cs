using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>Protected home contacts in the demo district: the DistrictAdmin's list shows them masked, the coach
/// sees her own on My profile, and a draft carrying her home phone in another spelling is blocked citing
/// Privacy §5. axe checks every page visited.</summary>
public sealed class ProtectedContactJourneyTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task AdminSeesThemMasked_CoachSeesHersOnHerProfile_AndADraftWithHerHomePhoneIsBlocked()
    {
        await using (var admin = await app.NewSessionAsync(output))
        {
            await admin.SignInExpectingDashboardAsync(DemoBrowserApp.DemoAdminEmail, DemoBrowserApp.DemoPassword);
            await admin.SubmitAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "Manage protected contacts" }));
            Assert.Equal("/protected-contacts", new Uri(admin.Page.Url).AbsolutePath);
            var table = admin.Page.GetByRole(AriaRole.Table, new() { Name = "Protected home contacts, by name" });
            await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rosa Delgado" })).ToContainTextAsync("•••-0147");
            await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trustee Diane Whitaker" })).ToContainTextAsync("Blocked");
            await Expect(admin.Page.Locator("main")).Not.ToContainTextAsync("555-0147");
            await Expect(admin.Page.Locator("main")).Not.ToContainTextAsync("Orchard");

            await admin.SubmitAsync(table.GetByRole(AriaRole.Link, new() { Name = "Edit Trustee Diane Whitaker" }));
            await Expect(admin.Page.GetByLabel("Home phones, one per line")).ToHaveValueAsync("");
            await Expect(admin.Page.Locator("main")).ToContainTextAsync("On file: •••-0181");
        }

        await using var coach = await app.NewSessionAsync(output);
        await coach.SignInExpectingDashboardAsync("coach.whs@steward.example", DemoBrowserApp.DemoPassword);
        await coach.SubmitAsync(coach.NavLink("My profile"));
        await Expect(coach.Page.Locator("#home-contacts ~ dl")).ToContainTextAsync("•••-0147");

        await coach.GotoAsync("/posts/new");
        var account = coach.Page.GetByLabel("Account", new() { Exact = true });
        await account.SelectOptionAsync((await account.Locator("option:not([value=''])").First.GetAttributeAsync("value"))!);
        await coach.Page.GetByLabel("Post text", new() { Exact = true }).FillAsync("Questions about Saturday's match? Text me at 562.555.0147.");
        await coach.SubmitAsync(coach.Page.GetByRole(AriaRole.Button, new() { Name = "Save and scan", Exact = true }));

        var main = coach.Page.Locator("main");
        await Expect(main.Locator("mark").Filter(new() { HasText = "562.555.0147" }).First).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("Privacy §5");
    }
}
