using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>What a UX audit of the demo district found: pages wider than a phone, nameless search buttons, a
/// blocked post that looked harmless, a wrong empty message and a form that named one error at a time. axe
/// checks every page visited (BrowserSession does on arrival), at phone width where the session is a phone's.</summary>
public sealed partial class PhoneAndReviewUxTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    const string Principal = "principal.whs@steward.example";

    [Fact]
    public async Task PhoneWidth_ListPages_DoNotScrollSideways_AndTheirTablesScrollInPlace()
    {
        await using var s = await app.NewSessionAsync(output, phone: true);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);

        foreach (var path in new[] { "/posts", "/posts/review", "/students", "/students/10000102", "/registry", "/sites", "/people", "/accounts/mine", "/directory" })
        {
            await s.GotoAsync(path);
            var width = await s.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= Chromium.PhoneWidth, $"{path} is {width} px wide on a {Chromium.PhoneWidth} px phone");
            // Every table sits in the scrollable container, which keyboard users can focus to scroll.
            var loose = await s.Page.Locator("main table:not(.usa-table-container--scrollable table)").CountAsync();
            Assert.True(loose == 0, $"{path} has {loose} table(s) outside a scrollable container");
        }
    }

    [Theory]
    [InlineData("/directory", "Search the directory")]
    [InlineData("/sites", "Search sites")]
    public async Task PhoneWidth_SearchButton_ShowsTheIconAndHasAName(string path, string name)
    {
        await using var s = await app.NewSessionAsync(output, phone: true);
        if (path == "/sites") await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);

        await s.GotoAsync(path); // axe runs at 390 px here: button-name failed before

        var button = s.Page.Locator("main form[role=search] button[type=submit]");
        await Expect(button).ToHaveAccessibleNameAsync(name);
        await Expect(button.Locator("img.usa-search__submit-icon")).ToBeVisibleAsync();
        Assert.True(await button.BoundingBoxAsync() is { Width: >= 24, Height: >= 24 }, "the search button is too small to tap");
    }

    [Fact]
    public async Task BlockedDraft_ShowsAnErrorAlert_AndOffersEditFirst()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/posts/new");
        var account = s.Page.GetByLabel("Account", new() { Exact = true });
        await account.SelectOptionAsync((await account.Locator("option:not([value=''])").First.GetAttributeAsync("value"))!);
        // A family's phone number and Maya Okafor (no photo-with-name consent) in the photo: two Block findings.
        await s.Page.GetByLabel("Post text", new() { Exact = true })
            .FillAsync("Congratulations to Maya Okafor on her first start! Call (562) 555-0134 for the carpool.");
        await s.Page.GetByLabel("Students in the attached photo (optional)").FillAsync("10000102");
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Save and scan", Exact = true }));
        var id = PostId().Match(s.Page.Url).Groups[1].Value;

        await s.GotoAsync($"/posts/{id}");

        var result = s.Page.GetByTestId("scan-result");
        await Expect(result).ToHaveClassAsync(new Regex(@"\busa-alert--error\b"));
        await Expect(result.GetByRole(AriaRole.Heading)).ToContainTextAsync("Blocked");
        await Expect(s.Page.Locator("[data-testid=findings] .usa-tag").First).ToHaveTextAsync("Block");
        await Expect(s.Page.GetByTestId("findings")).ToContainTextAsync("Photo consent");
        await Expect(s.Page.GetByTestId("findings")).Not.ToContainTextAsync("PhotoConsent");
        await Expect(s.Page.GetByTestId("next-step")).ToContainTextAsync("Fix the 2 blocking findings, then submit");
        var edit = s.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true });
        await Expect(edit).ToHaveClassAsync(new Regex(@"^(?!.*usa-button--outline).*\busa-button\b"));
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" })).ToHaveClassAsync(new Regex(@"\busa-button--outline\b"));
    }

    [Fact]
    public async Task PostsFilteredToAStatusWithNone_SaysSo_AndLinksToAllPosts()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);

        await s.GotoAsync("/posts?status=Rejected"); // the demo district rejects nothing, and no test here does

        var empty = s.Page.GetByTestId("no-posts");
        await Expect(empty).ToContainTextAsync("No rejected posts");
        await Expect(empty).Not.ToContainTextAsync("No posts yet");
        await s.SubmitAsync(empty.GetByRole(AriaRole.Link, new() { Name = "Show all posts" }));
        Assert.Equal("/posts", new Uri(s.Page.Url).PathAndQuery);
        await Expect(s.Page.Locator("main table tbody tr").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task NewPost_SavedEmpty_ListsBothMissingFieldsInAFocusedErrorSummary()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(Principal, DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/posts/new");

        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Save and scan", Exact = true }));

        var summary = s.Page.GetByTestId("error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Choose the account to post to.", "Write the post text."]);
        await Expect(s.Page.Locator("#account-error")).ToHaveTextAsync("Choose the account to post to.");
        await Expect(s.Page.Locator("#text-error")).ToHaveTextAsync("Write the post text.");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Write the post text." }).ClickAsync();
        await Expect(s.Page.GetByLabel("Post text", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(s.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Cancel" })).ToHaveAttributeAsync("href", "/posts");
    }

    [GeneratedRegex(@"/posts/(\d+)/edit")]
    private static partial Regex PostId();
}
