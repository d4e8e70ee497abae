using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>A principal imports a file of signed consent forms on the Students page (its own demo district, so the
/// other journeys' students keep their consents as the demo has them). axe checks every page visited.</summary>
public sealed class ConsentImportJourneyTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task Principal_ImportsAConsentFile_AndTheStudentNowHasConsentOnFile()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync("principal.whs@steward.example", DemoBrowserApp.DemoPassword);
        await s.GotoAsync("/students");
        var signed = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = "studentId,kind,grantedBy,grantedOn,expiresOn,documentReference\n"
            + $"10000102,PhotoWithName,Grace Okafor (mother),{signed},,ENROLL-2026-0102\n";

        // USWDS dresses the file input (and gives it its own accessible name), so it is found by its id.
        await s.Page.Locator("#consent-file").SetInputFilesAsync(new FilePayload
        {
            Name = "consents.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Import the consents file" }));

        await Expect(s.Page.Locator("main")).ToContainTextAsync("Imported 1 new, updated 0, 0 unchanged.");
        var maya = s.Page.Locator("main table tbody tr").Filter(new() { HasText = "10000102" });
        await Expect(maya).ToContainTextAsync("Consent on file");
        await s.GotoAsync("/students/10000102");
        await Expect(s.Page.Locator("main")).ToContainTextAsync("ENROLL-2026-0102");
    }
}
