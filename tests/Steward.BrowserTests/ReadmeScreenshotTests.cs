using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>README.md shows the demo district as a reader who runs <c>--demo</c> will see it.</summary>
public sealed class ReadmeScreenshotTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    static readonly string Folder = Path.Combine(Repository.Root, "docs", "screenshots");

    [Fact]
    public async Task Screenshots_OfSignInAndDemoAdminDashboard_AreWrittenToDocs()
    {
        await using var s = await app.NewSessionAsync(output);

        await s.GotoAsync("/signin");
        var signIn = await SaveAsync(s, "signin.png");
        await s.SignInExpectingDashboardAsync(DemoBrowserApp.DemoAdminEmail, DemoBrowserApp.DemoPassword);
        await Expect(Journeys.Heading(s)).ToHaveTextAsync("Welcome, Dana Whitfield");
        await Expect(s.Page.GetByText("Create and edit the district's 7 sites")).ToBeVisibleAsync();
        var dashboard = await SaveAsync(s, "dashboard.png");

        Assert.True(new FileInfo(signIn).Length > 10_000);
        Assert.True(new FileInfo(dashboard).Length > 10_000);
    }

    [Fact]
    public async Task Screenshot_OfADraftWithFindingsInline_IsWrittenToDocs()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync("principal.whs@steward.example", DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/posts/new");
        var account = s.Page.GetByLabel("Account", new() { Exact = true });
        var firstAccount = await account.Locator("option:not([value=''])").First.GetAttributeAsync("value");
        await account.SelectOptionAsync(firstAccount!);
        await s.Page.GetByLabel("Post text", new() { Exact = true }).FillAsync(
            "Congratulations to Maya Okafor on her first varsity start! Carpool for Saturday: call (562) 555-0134 to sign up. "
            + "Spirit wear is on sale now, $25 each: Venmo @WilsonSpirit.");
        await s.Page.GetByLabel("Students in the attached photo (optional)").FillAsync("10000102");
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Save and scan", Exact = true }));
        var main = s.Page.Locator("main");
        await Expect(main.Locator("mark").Filter(new() { HasText = "(562) 555-0134" }).First).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("Discipline §1");

        var shot = await SaveAsync(s, "post-findings.png");

        Assert.True(new FileInfo(shot).Length > 10_000);
    }

    [Fact]
    public async Task Screenshot_OfTheRegulationAtACitedSection_IsWrittenToDocs()
    {
        await using var s = await app.NewSessionAsync(output);

        await s.GotoAsync("/policy#privacy-3");
        await Expect(s.Page.Locator("#privacy-3")).ToContainTextAsync("Photographs of individual students");
        var shot = await SaveAsync(s, "policy.png");

        Assert.True(new FileInfo(shot).Length > 10_000);
    }

    /// <summary>A 1280×900 viewport shot. The file is only rewritten when the picture changed, so a test
    /// run leaves the working tree clean.</summary>
    async Task<string> SaveAsync(BrowserSession s, string name)
    {
        // Park the mouse where it hovers nothing, and wait for the web fonts, so shots are repeatable.
        await s.Page.Mouse.MoveAsync(1279, 899);
        await s.Page.EvaluateAsync("() => document.fonts.ready");
        var png = await s.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide, Type = ScreenshotType.Png,
        });
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Folder);
        if (!File.Exists(path) || !(await File.ReadAllBytesAsync(path)).AsSpan().SequenceEqual(png))
            await File.WriteAllBytesAsync(path, png);
        output.WriteLine($"screenshot: {path}");
        return path;
    }
}
