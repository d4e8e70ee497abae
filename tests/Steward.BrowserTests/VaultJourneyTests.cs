using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Registry;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>The credential vault in the demo district (Registry §2, Curricular Use): the manager stores an
/// account's credential, the principal reveals it once with a reason after turning on two-factor sign-in,
/// the audit log shows the reveal, and the credential is then due for rotation. axe checks every page.</summary>
public sealed partial class VaultJourneyTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    const string Staff = "coach.whs@steward.example";
    const string StaffName = "Rosa Delgado";
    const string Principal = "principal.whs@steward.example";
    const string Admin = DemoBrowserApp.DemoAdminEmail;

    [Fact]
    public async Task Credential_StoredByManager_IsRevealedOnceByThePrincipalWithTwoFactor_AuditedAndThenDueForRotation()
    {
        var handle = app.Unique("whs_swim_dive_");
        var name = $"WHS Swim and Dive {handle[^4..]}";
        var id = await ApprovedAccountAsync(handle, name);
        var username = $"swim.{handle}@whs.example";
        var password = $"Tide-{Guid.NewGuid():N}";
        var reason = $"Posting meet results while the coach is away ({handle}).";

        // The manager sees that the vault lacks the account's credential, and stores it.
        await using var staff = await SignedInAsync(Staff);
        await staff.GotoAsync("/accounts/mine");
        await Expect(Row(staff, name)).ToContainTextAsync("No credential on file");
        await staff.SubmitAsync(Row(staff, name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));
        var section = VaultSection(staff);
        await Expect(section).ToContainTextAsync("No credential on file");
        await staff.SubmitAsync(section.GetByRole(AriaRole.Link, new() { Name = $"Open the credential vault for {name}" }));
        Assert.Equal($"/accounts/{id}/credential", new Uri(staff.Page.Url).AbsolutePath);
        await staff.Page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await staff.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await staff.SubmitAsync(Journeys.SubmitButton(staff, "Store"));
        await Expect(staff.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stored as a new version.");
        await Expect(staff.Page.GetByRole(AriaRole.Table, new() { Name = "Stored versions" }).GetByRole(AriaRole.Row).Filter(new() { HasText = StaffName }))
            .ToHaveCountAsync(1);
        await ExpectNotOnPageAsync(staff, username, password);
        await staff.GotoAsync($"/accounts/{id}");
        await Expect(VaultSection(staff)).ToContainTextAsync("On file: version 1");
        await Expect(VaultSection(staff)).ToContainTextAsync("Rotation is not due");

        // The principal has no two-factor sign-in yet: the page says so instead of offering a reveal.
        await using var principal = await SignedInAsync(Principal);
        var dueBefore = await RotationCardCountAsync(principal);
        await principal.GotoAsync($"/accounts/{id}");
        await principal.SubmitAsync(VaultSection(principal).GetByRole(AriaRole.Link, new() { Name = $"Open the credential vault for {name}" }));
        var main = principal.Page.Locator("main");
        await Expect(main).ToContainTextAsync("Revealing needs two-factor sign-in.");
        await Expect(Journeys.SubmitButton(principal, "Reveal")).ToHaveCountAsync(0);
        await Expect(principal.Page.GetByLabel("Why do you need it?")).ToHaveCountAsync(0);

        // She turns it on with a code from her authenticator; this session began without one, so still no reveal.
        await principal.SubmitAsync(main.GetByRole(AriaRole.Link, new() { Name = "Turn it on" }));
        await principal.SubmitAsync(Journeys.SubmitButton(principal, "Set up two-factor sign-in"));
        var key = (await principal.Page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();
        var enableStep = Totp.StepAt(DateTimeOffset.UtcNow);
        await principal.Page.GetByLabel("Six-digit code").FillAsync(Totp.Code(key, enableStep));
        await principal.SubmitAsync(Journeys.SubmitButton(principal, "Turn on two-factor sign-in"));
        await Expect(principal.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-factor sign-in is on.");
        await principal.GotoAsync($"/accounts/{id}/credential");
        await Expect(main).ToContainTextAsync("this session began without a code");
        await Expect(Journeys.SubmitButton(principal, "Reveal")).ToHaveCountAsync(0);

        // She signs in again with a fresh code (the next step's when the enabling code is still current).
        await principal.SignOutAsync();
        await principal.SignInAsync(Principal, DemoBrowserApp.DemoPassword);
        Assert.Equal("/signin/two-factor", new Uri(principal.Page.Url).AbsolutePath);
        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        await principal.Page.GetByLabel("Six-digit code").FillAsync(Totp.Code(key, step == enableStep ? step + 1 : step));
        await principal.SubmitAsync(Journeys.SubmitButton(principal, "Verify"));
        Assert.Equal("/", new Uri(principal.Page.Url).AbsolutePath);

        // She reveals with a reason: the secret is on the page once, not in its address or title, and not cached.
        await principal.GotoAsync($"/accounts/{id}/credential");
        await principal.Page.GetByLabel("Why do you need it?").FillAsync(reason);
        var answered = principal.Page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains($"/accounts/{id}/credential", StringComparison.Ordinal));
        await principal.SubmitAsync(Journeys.SubmitButton(principal, "Reveal"));
        var response = await answered;
        Assert.Equal(200, response.Status);
        Assert.Contains("no-store", (await response.HeaderValueAsync("cache-control"))!.Split(',', StringSplitOptions.TrimEntries));
        var revealed = principal.Page.GetByRole(AriaRole.Region, new() { Name = "Version 1, shown once" });
        await Expect(revealed.GetByLabel("Username")).ToHaveValueAsync(username);
        await Expect(revealed.GetByLabel("Password")).ToHaveValueAsync(password);
        var html = await principal.Page.ContentAsync();
        Assert.Equal(1, Occurrences(html, username));
        Assert.Equal(1, Occurrences(html, password));
        foreach (var secret in new[] { username, password })
        {
            Assert.DoesNotContain(secret, principal.Page.Url, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await principal.Page.TitleAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, response.Url, StringComparison.Ordinal);
        }

        // The copy button puts the password on the clipboard and says so, without a console error.
        await principal.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.BaseUrl });
        await revealed.GetByRole(AriaRole.Button, new() { Name = "Copy password" }).ClickAsync();
        await Expect(revealed.GetByRole(AriaRole.Status)).ToHaveTextAsync("Password copied to the clipboard.");
        Assert.Equal(password, await principal.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await BrowserSession.ExpectNoAxeViolationsAsync(principal.Page);
        principal.ExpectNoProblems();

        // Opened again, the page shows the status only: the reveal was once, and it made the credential due.
        await principal.GotoAsync($"/accounts/{id}/credential");
        await Expect(principal.Page.GetByRole(AriaRole.Region, new() { Name = "Version 1, shown once" })).ToHaveCountAsync(0);
        await ExpectNotOnPageAsync(principal, username, password);
        await Expect(main).ToContainTextAsync("Revealed to someone other than the account's manager.");

        // The district administrator finds the reveal and its reason in the audit log, without the secret.
        await using (var admin = await SignedInAsync(Admin))
        {
            await admin.SubmitAsync(admin.NavLink("Audit log"));
            await admin.Page.GetByLabel("Entity type").SelectOptionAsync("Credential");
            await admin.SubmitAsync(admin.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }));
            Assert.Contains("entityType=Credential", admin.Page.Url, StringComparison.Ordinal);
            var reveal = Row(admin, $"Revealed — {reason}");
            await Expect(reveal).ToHaveCountAsync(1);
            await Expect(reveal).ToContainTextAsync(Principal);
            await Expect(reveal).ToContainTextAsync($"Credential {id}");
            await ExpectNotOnPageAsync(admin, username, password);
        }

        // Revealed by someone other than the manager, the credential is due: on the account, the site's
        // rotation list (reached from the registry's navigation), the dashboards and the manager's list.
        await principal.GotoAsync($"/accounts/{id}");
        await Expect(VaultSection(principal)).ToContainTextAsync("Rotation due");
        await principal.SubmitAsync(principal.Page.GetByRole(AriaRole.Navigation, new() { Name = "Registry" })
            .GetByRole(AriaRole.Link, new() { Name = "Credential rotation" }));
        Assert.Equal("/vault/rotation", new Uri(principal.Page.Url).AbsolutePath);
        var due = Row(principal, "@" + handle);
        await Expect(due).ToContainTextAsync(StaffName);
        await Expect(due).ToContainTextAsync("Revealed to someone other than the account's manager.");
        Assert.Equal(dueBefore + 1, await RotationCardCountAsync(principal));

        await staff.GotoAsync("/accounts/mine");
        await Expect(Row(staff, name)).ToContainTextAsync("Credential rotation due");
        Assert.True(await RotationCardCountAsync(staff) >= 1);
        await staff.SubmitAsync(Card(staff, "Credential rotation").GetByRole(AriaRole.Link));
        await Expect(Row(staff, "@" + handle)).ToHaveCountAsync(1);
    }

    async Task<BrowserSession> SignedInAsync(string email)
    {
        var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(email, DemoBrowserApp.DemoPassword);
        return s;
    }

    /// <summary>An approved athletics account at Wilson managed by the coach, requested by her and approved by
    /// the principal through the registry's own operations, as the demo seed does.</summary>
    async Task<int> ApprovedAccountAsync(string handle, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        db.SystemActor = "vault journey seed";
        var registry = scope.ServiceProvider.GetRequiredService<RegistryCommands>();
        var transformation = new StewardClaimsTransformation(db, scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>());
        async Task<(int Id, ClaimsPrincipal User)> As(string email)
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(StewardClaims.Epoch, user.SessionEpoch.ToString(CultureInfo.InvariantCulture)),
            ], IdentityConstants.ApplicationScheme);
            return (user.Id, await transformation.TransformAsync(new ClaimsPrincipal(identity)));
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == "WHS");
        var coach = await As(Staff);
        var (account, refusal) = await registry.RequestAsync(coach.User, new AccountRequest(site.Id, Platform.Instagram, handle, null, name,
            AccountCategory.Athletics, "Meet schedules, results and team news for swimmers and families.", coach.Id), default);
        Assert.True(account is not null, refusal?.Detail);
        Assert.Null((await registry.ApproveAsync((await As(Principal)).User, account, default))?.Detail);
        return account.Id;
    }

    /// <summary>The number the dashboard's "Credential rotation" card gives.</summary>
    static async Task<int> RotationCardCountAsync(BrowserSession s)
    {
        await s.GotoAsync("/");
        var text = await Card(s, "Credential rotation").InnerTextAsync();
        if (text.Contains("No credential", StringComparison.Ordinal)) return 0;
        var count = LeadingNumber().Match(text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.True(count.Success, $"No count in the card: {text}");
        return int.Parse(count.Value, CultureInfo.InvariantCulture);
    }

    static async Task ExpectNotOnPageAsync(BrowserSession s, params string[] secrets)
    {
        var html = await s.Page.ContentAsync();
        foreach (var secret in secrets) Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
    }

    static int Occurrences(string text, string value) => text.Split(value).Length - 1;

    static ILocator VaultSection(BrowserSession s) => s.Page.GetByRole(AriaRole.Region, new() { Name = "Credential vault" });

    static ILocator Card(BrowserSession s, string title) =>
        s.Page.GetByRole(AriaRole.List, new() { Name = "What you can do" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = s.Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    static ILocator Row(BrowserSession s, string text) => s.Page.Locator("main").GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();
}
