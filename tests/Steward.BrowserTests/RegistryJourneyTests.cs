using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>The registry's pages in the demo district: an account from request to the Ethics Office,
/// through the public directory and a new school year (Registry §1–5, Booster §3). axe checks every page.</summary>
public sealed partial class RegistryJourneyTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    const string Staff = "coach.whs@steward.example";
    const string StaffName = "Rosa Delgado";
    const string Principal = "principal.whs@steward.example";
    const string Admin = DemoBrowserApp.DemoAdminEmail;
    const string Ethics = "ethics@steward.example";
    const string Wilson = "Woodrow Wilson High School";

    [Fact]
    public async Task Account_RequestedApprovedRenewedAndSubmitted_ReachesTheDirectoryAndTheEthicsOffice()
    {
        var handle = app.Unique("whs_beach_vb_");
        var name = $"WHS Beach Volleyball {handle[^4..]}";

        // Staff request the account for their site; they are its manager by default.
        await using var staff = await SignedInAsync(Staff);
        await staff.SubmitAsync(staff.NavLink("Accounts"));
        Assert.Equal("My accounts", await Journeys.Heading(staff).InnerTextAsync());
        await staff.SubmitAsync(staff.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Request an account", Exact = true }).First);
        await Expect(staff.Page.Locator("main")).ToContainTextAsync(Wilson);
        await Expect(staff.Page.GetByLabel("Manager", new() { Exact = true }).Locator("option:checked")).ToContainTextAsync(StaffName);
        await FillAccountAsync(staff, "Instagram", "@" + handle, name, "Athletic team");
        await staff.SubmitAsync(Journeys.SubmitButton(staff, "Request the account"));
        var id = AccountId(staff);
        await Expect(staff.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your request is recorded");
        await Expect(staff.Page.Locator("main .steward-status")).ToHaveTextAsync("Pending");

        // It is on the staff member's own list.
        await staff.GotoAsync("/accounts/mine");
        await Expect(Row(staff, name)).ToContainTextAsync("Manager");

        // The principal approves it from the site's queue.
        await using var principal = await SignedInAsync(Principal);
        await principal.GotoAsync("/registry/approvals");
        var queued = Row(principal, name);
        await Expect(queued).ToContainTextAsync("Pending");
        await principal.SubmitAsync(queued.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }));
        await Expect(principal.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Approved {name}");
        await Expect(Row(principal, name)).ToHaveCountAsync(0);

        // Anyone finds it in the public directory, and the checker calls its address official.
        await using (var visitor = await app.NewSessionAsync(output))
        {
            await visitor.GotoAsync("/directory");
            await visitor.Page.GetByLabel("School, account name or handle").FillAsync(handle);
            await visitor.SubmitAsync(visitor.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Search" }));
            await Expect(Row(visitor, name)).ToContainTextAsync(Wilson);
            await Expect(visitor.Page.Locator("main")).Not.ToContainTextAsync(StaffName);

            await visitor.Page.GetByLabel("Address of the account").FillAsync($"https://www.instagram.com/{handle}/");
            await visitor.SubmitAsync(Journeys.SubmitButton(visitor, "Check"));
            await Expect(visitor.Page.GetByTestId("verdict")).ToContainTextAsync("Yes, this is an official account");

            await visitor.Page.GetByLabel("Address of the account").FillAsync($"https://www.instagram.com/{handle}_fake/");
            await visitor.SubmitAsync(Journeys.SubmitButton(visitor, "Check"));
            await Expect(visitor.Page.GetByTestId("verdict")).ToContainTextAsync("No, this is not an official account");
        }

        // The district opens the next school year: the approved account must be renewed.
        string next;
        await using (var admin = await SignedInAsync(Admin))
        {
            await admin.GotoAsync("/registry/school-year");
            var current = YearIn(await Journeys.Heading(admin).InnerTextAsync());
            next = NextYear(current);
            await admin.SubmitAsync(Journeys.SubmitButton(admin, $"Open {next}"));
            await Expect(admin.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Opened {next}");
            await Expect(Journeys.Heading(admin)).ToHaveTextAsync($"School year {next}");
        }

        await principal.GotoAsync("/registry/school-year");
        var wilson = Row(principal, Wilson);
        await Expect(wilson.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name })).ToContainTextAsync("Needs renewal");
        await principal.GotoAsync($"/accounts/{id}");
        await Expect(principal.Page.Locator("main .steward-status").First).ToHaveTextAsync("Needs renewal");

        // The principal renews it for the new year.
        await principal.GotoAsync("/registry/approvals");
        await principal.SubmitAsync(Row(principal, name).GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }));
        await Expect(principal.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Approved {name} for {next}");
        await principal.GotoAsync($"/accounts/{id}");
        var registrations = principal.Page.GetByRole(AriaRole.Table, new() { Name = "Approved for these school years" });
        await Expect(registrations.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(2);
        await Expect(registrations.GetByRole(AriaRole.Rowheader).First).ToHaveTextAsync(next);

        // The principal sends Wilson's list to the Ethics Office.
        await principal.GotoAsync("/registry/submissions");
        await principal.SubmitAsync(Journeys.SubmitButton(principal, $"Submit the current list to the Ethics Office for {Wilson}"));
        Assert.Matches(SubmissionPath(), new Uri(principal.Page.Url).AbsolutePath);
        await Expect(principal.Page.GetByTestId("diff-added")).ToContainTextAsync(name);

        // The Ethics Office sees that Wilson has submitted, and what changed.
        await using var ethics = await SignedInAsync(Ethics);
        await ethics.GotoAsync("/registry/submissions");
        var status = Row(ethics, Wilson).First;
        await Expect(status).ToContainTextAsync("Submitted");
        await ethics.SubmitAsync(status.GetByRole(AriaRole.Link, new() { Name = $"View the list of {Wilson}" }));
        Assert.Equal($"{Wilson}: list of official accounts", await Journeys.Heading(ethics).InnerTextAsync());
        await Expect(ethics.Page.GetByTestId("diff-added")).ToContainTextAsync(name);
        await Expect(ethics.Page.GetByRole(AriaRole.Table, new() { Name = "Accounts on the list as sent" })).ToContainTextAsync(handle);
        await Expect(ethics.Page.Locator("main")).Not.ToContainTextAsync("password", new() { IgnoreCase = true });
    }

    [Fact]
    public async Task BoosterRequest_UsingTheMascot_IsRefusedNextToTheHandleCitingBoosterSection3()
    {
        var handle = app.Unique("wilsonbruinsboosters");
        await using var staff = await SignedInAsync(Staff);
        await staff.GotoAsync("/accounts/request");
        await FillAccountAsync(staff, "Instagram", handle, "Volleyball Boosters", "Booster or affiliate");
        // USWDS draws its own box over the input: tick it by its label, as a person does.
        await staff.Page.Locator("label[for='Input_BoosterGuidelinesAttested']").ClickAsync();
        await Expect(staff.Page.GetByLabel("the booster club's application includes")).ToBeCheckedAsync();

        await staff.SubmitAsync(Journeys.SubmitButton(staff, "Request the account"));

        Assert.Equal("/accounts/request", new Uri(staff.Page.Url).AbsolutePath);
        var error = staff.Page.Locator("#handle-error");
        await Expect(error).ToContainTextAsync("Bruins");
        await Expect(error).ToContainTextAsync("Booster §3");
        await Expect(staff.Page.GetByLabel("Handle", new() { Exact = true })).ToHaveAttributeAsync("aria-describedby", new Regex("handle-error"));
        await Expect(staff.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The account was not requested");
        await staff.GotoAsync("/accounts/mine");
        await Expect(staff.Page.Locator("main")).Not.ToContainTextAsync(handle);
    }

    [Fact]
    public async Task OwnRequest_ApprovedByItsRequester_IsRefusedOnThePage()
    {
        // Hoover's principal requested the site's main account in the demo; another lead must decide.
        await using var principal = await SignedInAsync("principal.hms@steward.example");
        await principal.GotoAsync("/registry/approvals");
        var row = Row(principal, "Hoover Middle School");
        await principal.SubmitAsync(row.GetByRole(AriaRole.Button, new() { Name = "Approve Hoover Middle School" }));

        await Expect(principal.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nobody approves or rejects a request they made or edited");
        await Expect(Row(principal, "Hoover Middle School")).ToContainTextAsync("Pending");
    }

    [Fact]
    public async Task Edit_FromAStaleForm_IsRefusedWithAClearMessageAndOverwritesNothing()
    {
        const string Account = "WHS Girls' Volleyball";
        var kept = $"Match schedules and results, edited first ({app.Unique("e")}).";
        await using var first = await SignedInAsync(Principal);
        await using var second = await SignedInAsync(Principal);
        await first.GotoAsync("/registry?q=whs_girls_volleyball");
        await first.SubmitAsync(first.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Account, Exact = true }));
        var id = AccountId(first);
        await first.SubmitAsync(first.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = $"Edit {Account}" }));
        await second.GotoAsync($"/accounts/{id}/edit");

        await first.Page.GetByLabel("Purpose").FillAsync(kept);
        await first.SubmitAsync(Journeys.SubmitButton(first, "Save changes"));
        await Expect(first.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your changes are saved");
        await second.Page.GetByLabel("Purpose").FillAsync("Edited second, from a form read before the first save.");
        await second.SubmitAsync(Journeys.SubmitButton(second, "Save changes"));

        await Expect(second.Page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Someone else changed this account");
        await second.SubmitAsync(second.Page.GetByRole(AriaRole.Link, new() { Name = "Open the current version" }));
        await Expect(second.Page.GetByLabel("Purpose")).ToHaveValueAsync(kept);
    }

    async Task<BrowserSession> SignedInAsync(string email)
    {
        var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(email, DemoBrowserApp.DemoPassword);
        return s;
    }

    static async Task FillAccountAsync(BrowserSession s, string platform, string handle, string displayName, string kind)
    {
        await s.Page.GetByLabel("Platform").SelectOptionAsync(new SelectOptionValue { Label = platform });
        await s.Page.GetByLabel("Handle", new() { Exact = true }).FillAsync(handle);
        await s.Page.GetByLabel("Display name").FillAsync(displayName);
        await s.Page.GetByLabel("Kind of account").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await s.Page.GetByLabel("Purpose").FillAsync("Schedules, results and team news for players and families.");
    }

    static ILocator Row(BrowserSession s, string text) => s.Page.Locator("main").GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    static int AccountId(BrowserSession s)
    {
        var match = AccountPath().Match(new Uri(s.Page.Url).AbsolutePath);
        Assert.True(match.Success, $"Expected an account's page, got {s.Page.Url}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    static string YearIn(string text) => SchoolYear().Match(text).Value;

    static string NextYear(string year)
    {
        var first = int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{first}-{(first + 1) % 100:D2}";
    }

    [GeneratedRegex(@"^/accounts/(\d+)$")]
    private static partial Regex AccountPath();

    [GeneratedRegex(@"^/registry/submissions/\d+$")]
    private static partial Regex SubmissionPath();

    [GeneratedRegex(@"\d{4}-\d{2}")]
    private static partial Regex SchoolYear();
}
