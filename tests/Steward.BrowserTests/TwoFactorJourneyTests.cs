using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>Two-factor sign-in, turned on from the profile page with a code computed as an authenticator app would.</summary>
public sealed class TwoFactorJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TwoFactor_EnabledOnProfile_IsRequiredAtNextSignIn()
    {
        var code = app.Unique("TF");
        var email = $"{code.ToLowerInvariant()}@browser.example";
        await using (var admin = await app.AdminSessionAsync(output))
        {
            await admin.CreatePersonAsync($"Morgan {code} Okafor", email);
        }

        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(email);
        await s.SubmitAsync(s.NavLink("My profile"));
        await Expect(s.Page.GetByTestId("authenticator-key")).ToHaveCountAsync(0); // a visit creates no key
        await s.SubmitAsync(Journeys.SubmitButton(s, "Set up two-factor sign-in"));
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
}
