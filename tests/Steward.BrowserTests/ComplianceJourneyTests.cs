using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>Pre-publication review in the demo district: a draft with a family's phone number and a photo
/// of a named student without photo consent shows both findings inline with their policy citations
/// (Privacy §2, §3); fixing both lets the draft through. axe checks every page visited (BrowserSession
/// does on arrival).</summary>
public sealed class ComplianceJourneyTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    const string Principal = "principal.whs@steward.example";

    [Fact]
    public async Task Draft_WithAFamilyPhoneAndAnUnconsentedStudentInThePhoto_ShowsBothInline_AndPassesOnceFixed()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/students");
        await s.GotoAsync("/posts");
        await s.GotoAsync("/posts/review");

        await s.GotoAsync("/posts/new");
        var account = s.Page.GetByLabel("Account", new() { Exact = true });
        var firstAccount = await account.Locator("option:not([value=''])").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(firstAccount), "the principal has no approved account to post to");
        await account.SelectOptionAsync(firstAccount!);
        await s.Page.GetByLabel("Post text", new() { Exact = true })
            .FillAsync("Congratulations to Maya Okafor on her first varsity start! Carpool for Saturday: call (562) 555-0134 to sign up.");
        // The demo roster's Maya Okafor (10000102) has no photo-and-name consent on file.
        await s.Page.GetByLabel("Students in the attached photo (optional)").FillAsync("10000102");
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Save and scan", Exact = true }));

        var main = s.Page.Locator("main");
        await Expect(main.Locator("mark").Filter(new() { HasText = "(562) 555-0134" }).First).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("Privacy §2");
        await Expect(main.Locator("mark").Filter(new() { HasText = "Maya Okafor" }).First).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("Privacy §3");

        // Each citation links to its section of the regulation, which the page highlights.
        var editUrl = s.Page.Url;
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Privacy §3 of the regulation" }).First.ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/policy#privacy-3$"));
        await Expect(s.Page.Locator("#privacy-3")).ToContainTextAsync("Photographs of individual students");
        await s.GotoAsync(editUrl);

        await s.Page.GetByLabel("Post text", new() { Exact = true })
            .FillAsync("Congratulations to our varsity team on a great first start! Carpool for Saturday: sign up at the athletics office.");
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Save and scan", Exact = true }));

        await Expect(main.Locator("mark").Filter(new() { HasText = "555-0134" })).ToHaveCountAsync(0);
        await Expect(main.Locator("mark").Filter(new() { HasText = "Maya Okafor" })).ToHaveCountAsync(0);
        await Expect(main).Not.ToContainTextAsync("Privacy §2");
        await Expect(main).Not.ToContainTextAsync("Privacy §3");
    }

    [Fact]
    public async Task DemoDistrict_HasPostsInEveryStateOfTheReview_AndTheQueueHoldsTheFundraiser()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);

        await s.GotoAsync("/posts");
        var posts = s.Page.Locator("main table tbody");
        foreach (var status in new[] { "Published", "Approved", "Submitted", "Draft" })
            await Expect(posts).ToContainTextAsync(status);

        await s.GotoAsync("/posts/review");
        var queued = s.Page.Locator("main table").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Spirit wear is on sale now") });
        await Expect(queued).ToHaveCountAsync(1);
        await queued.ClickAsync();
        var main = s.Page.Locator("main");
        await Expect(main).ToContainTextAsync("Discipline §1");
        await Expect(main.Locator("mark").First).ToBeVisibleAsync();

        // Maya Okafor's page lists the draft that has her in its photo; that post names her and says she has no consent.
        await s.GotoAsync("/students/10000102");
        var photoPosts = s.Page.GetByTestId("photo-posts");
        await Expect(photoPosts).ToContainTextAsync("Congratulations to Maya Okafor");
        var draft = await photoPosts.GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
        await s.GotoAsync(draft!); // through the session, so axe checks the post page too
        await Expect(s.Page.GetByTestId("photo-subjects")).ToContainTextAsync("Maya Okafor (10000102) · no photo-with-name consent");
    }
}
