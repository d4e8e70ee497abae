using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>What the second UX audit found: a home page silent about posts, an audit log of raw JSON, policy citations
/// that were plain text outside the findings, and destructive actions taken in one click. Its own demo district;
/// no test here submits or decides a post, so the demo's queue and drafts are as the demo seeds them.</summary>
public sealed partial class HomeAuditPolicyUxTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    const string Principal = "principal.whs@steward.example";
    const string Coach = "coach.whs@steward.example";

    static ILocator Card(BrowserSession s, string title) =>
        s.Page.GetByRole(AriaRole.List, new() { Name = "What you can do" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = s.Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    [Fact]
    public async Task Home_Principal_SeesThePostWaitingForTheirDecision_AndItsLinkOpensTheReviewQueue()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);

        var card = Card(s, "Post review");
        await Expect(card).ToContainTextAsync("1 post waits for your decision.");
        await s.SubmitAsync(card.GetByRole(AriaRole.Link, new() { Name = "Open the review queue" }));

        Assert.Equal("/posts/review", new Uri(s.Page.Url).AbsolutePath);
        await Expect(s.Page.Locator("main table tbody tr")).ToHaveCountAsync(1);
        // Every card leads somewhere, the site lead's duties too.
        await s.GotoAsync("/");
        await Expect(Card(s, "Site lead duties").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/registry");
    }

    [Fact]
    public async Task Home_Coach_SeesTheBlockedDraft_AndItsLinkOpensItsFindings()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Coach, DemoBrowserApp.DemoPassword);

        var card = Card(s, "Your drafts");
        await Expect(card).ToContainTextAsync("1 draft: 1 blocked by the policy checks.");
        await Expect(Card(s, "Post review")).ToHaveCountAsync(0); // staff decide nothing
        await Expect(Card(s, "Staff").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/accounts/request");
        await s.SubmitAsync(card.GetByRole(AriaRole.Link, new() { Name = "Fix the blocked draft" }));

        Assert.Matches(@"^/posts/\d+$", new Uri(s.Page.Url).AbsolutePath);
        await Expect(s.Page.GetByTestId("scan-result")).ToHaveAttributeAsync("data-verdict", "Block");
    }

    [Fact]
    public async Task AuditLog_ShowsAnUpdate_AsFieldOldAndNewValues_NotAsJson()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(DemoBrowserApp.DemoAdminEmail, DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/audit");

        await s.Page.GetByLabel("Entity type").SelectOptionAsync("Post");
        await s.SubmitAsync(s.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }));

        // The demo's posts were submitted through the workflow: Status went from Draft to Submitted.
        var status = s.Page.Locator(".steward-change").Filter(new() { Has = s.Page.Locator("dt", new() { HasText = "Status" }) })
            .Filter(new() { HasText = "Submitted" }).First;
        await Expect(status.Locator("dd")).ToHaveTextAsync(new Regex(@"^\s*from Draft\s*→?\s*to Submitted\s*$"));
        await Expect(status.Locator(".steward-change__old")).ToHaveTextAsync("from Draft");
        await Expect(status.Locator("dd")).Not.ToContainTextAsync("\"");
        var table = s.Page.GetByTestId("audit-events");
        await Expect(table).Not.ToContainTextAsync("\\u0022");
        await Expect(table.Locator("td.steward-audit-changes").First).Not.ToContainTextAsync(new Regex(@"^\s*\{"));
        // Times as the other pages show them, not ISO 8601.
        await Expect(table.Locator("tbody tr td time").First).ToHaveTextAsync(new Regex(@"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC$"));
    }

    [Fact]
    public async Task AuditLog_ForAReaderWhoMayNotSeeStudents_StillSaysRedacted()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync("ethics@steward.example", DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/audit?entityType=Student");

        // Long changes fold into a disclosure; folded or not, every value is "[redacted]" for this reader.
        var values = await s.Page.GetByTestId("audit-events").Locator(".steward-change dd").AllTextContentsAsync();
        Assert.NotEmpty(values);
        foreach (var text in values)
            Assert.Matches(@"^(from )?\[redacted\]( → to \[redacted\])?$", Regex.Replace(text, @"\s+", " ").Trim());
        await Expect(s.Page.GetByTestId("audit-events")).Not.ToContainTextAsync("Maya");
    }

    [Fact]
    public async Task PostFormHint_LinksItsCitation_ToTheSection_WhichNamesItselfOnArrival()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/posts/new");
        await Expect(s.Page.GetByTestId("post-form-intro")).ToContainTextAsync("Steward never posts to the platform itself");

        var citation = s.Page.Locator("#outside-hint").GetByRole(AriaRole.Link, new() { Name = "Booster §4" });
        await Expect(citation).ToHaveAttributeAsync("href", "/policy#booster-4");
        await citation.ClickAsync();
        // The URL, not the load event: the regulation page is long, and on a loaded machine its load event once came
        // after Playwright's 30 s; the assertions below wait for what they check.
        await Expect(s.Page).ToHaveURLAsync(new Regex("/policy#booster-4$"), new() { Timeout = 60_000 });

        var section = s.Page.Locator("#booster-4");
        await Expect(section.Locator(".steward-policy-cite")).ToHaveTextAsync("Booster §4");
        await Expect(section.Locator(".steward-policy-cite")).ToBeInViewportAsync();
        var back = section.GetByRole(AriaRole.Link, new() { Name = "Back to" });
        await Expect(back).ToBeVisibleAsync();
        await BrowserSession.ExpectNoAxeViolationsAsync(s.Page);
        // Only the section jumped to offers its way back; the others would repeat it dozens of times.
        await Expect(s.Page.Locator("#privacy-3 .steward-policy-back")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task RevokeConsent_AsksFirst_CancelKeepsTheConsent_OkRevokesIt()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/students/10000102");
        var signer = app.Unique("Grace Okafor ");
        await s.Page.GetByLabel("Signed by (parent or guardian)").FillAsync(signer);
        await s.Page.GetByLabel("Signed on").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await s.Page.GetByLabel("Document reference").FillAsync(app.Unique("FORM-"));
        await s.SubmitAsync(s.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Record consent" }));
        var row = s.Page.Locator("main table tbody tr").Filter(new() { HasText = signer });
        await Expect(row).ToContainTextAsync("Current");
        var revoke = row.GetByRole(AriaRole.Button, new() { Name = "Revoke" });

        s.DismissDialogs = true;
        await revoke.ClickAsync();
        await WaitForDialogAsync(s, 1);
        Assert.StartsWith($"Revoke the consent signed by {signer}", s.Dialogs[0], StringComparison.Ordinal);
        await s.GotoAsync("/students/10000102"); // nothing was sent: the consent is still current
        await Expect(row).ToContainTextAsync("Current");

        s.DismissDialogs = false;
        await s.SubmitAsync(revoke);
        Assert.Equal(2, s.Dialogs.Count);
        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToHaveCountAsync(0);
    }

    static async Task WaitForDialogAsync(BrowserSession s, int count)
    {
        for (var i = 0; i < 100 && s.Dialogs.Count < count; i++) await Task.Delay(50);
        Assert.Equal(count, s.Dialogs.Count);
    }
}
