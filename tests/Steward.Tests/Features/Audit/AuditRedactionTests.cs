using System.Net;
using System.Text.Json;
using Steward.Features.People;
using Steward.Tests.Features.Compliance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Audit;

/// <summary>The audit shows student records, consents and protected contacts only to those who may read them,
/// and records real keys: findings of the security audit.</summary>
public abstract class AuditRedactionTests(StewardApp app)
{
    static async Task<List<JsonElement>> EventsAsync(HttpClient client, string entityType, string entityId) =>
        (await (await client.GetAsync($"/api/audit?entityType={entityType}&entityId={entityId}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [DbFact]
    public async Task EthicsOffice_SeesThatStudentAndConsentEventsHappened_WithEveryValueRedacted_DistrictAdminSeesThem()
    {
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var consent = await (await principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents",
            ComplianceData.ConsentBody(documentReference: "FORM-SECRET-77"))).ReadAsync<ConsentDto>();
        var ethics = await app.ClientAsync(Role.EthicsOffice);
        var deputy = await app.ClientAsync(Role.DeputySuperintendent);
        var admin = await app.AdminAsync();

        foreach (var reader in new[] { ethics, deputy })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/students")).StatusCode);
            var studentEvent = Assert.Single(await EventsAsync(reader, "Student", student.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var consentEvent = Assert.Single(await EventsAsync(reader, "Consent", consent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal("Created", studentEvent.GetProperty("action").GetString());
            Assert.Equal("Created", consentEvent.GetProperty("action").GetString());
            var text = studentEvent.GetRawText() + consentEvent.GetRawText();
            Assert.DoesNotContain(student.FirstName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(student.LastName, text, StringComparison.Ordinal);
            Assert.DoesNotContain("FORM-SECRET-77", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Maria Lopez", text, StringComparison.Ordinal);
            Assert.Equal("[redacted]", studentEvent.GetProperty("changes").GetProperty("firstName").GetString());
            Assert.Equal("[redacted]", consentEvent.GetProperty("changes").GetProperty("documentReference").GetString());
        }
        var full = Assert.Single(await EventsAsync(admin, "Student", student.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(student.FirstName, full.GetProperty("changes").GetProperty("firstName").GetString());
    }

    [DbFact]
    public async Task EthicsOffice_SeesProtectedContactEvents_WithoutTheNameOnFile()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/protected-contacts", new
        {
            owner = "Official", personName = "Trustee Philomena Zweig", phones = new[] { ProtectedContactData.Phone().Typed },
        })).ReadAsync<ProtectedContactDto>();
        var ethics = await app.ClientAsync(Role.EthicsOffice);

        var seen = Assert.Single(await EventsAsync(ethics, "ProtectedContact", created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.DoesNotContain("Zweig", seen.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("[redacted]", seen.GetProperty("changes").GetProperty("personName").GetString());
    }

    [DbFact]
    public async Task CreatedEvents_RecordTheRealKey_NotEfsTemporaryOne()
    {
        var admin = await app.AdminAsync();
        var site = await (await admin.PostJsonAsync("/api/sites", new { code = app.Unique("K"), name = "Key High", kind = "School" })).ReadAsync<SiteDto>();
        var student = await app.StudentAsync(site.Id);

        var siteEvent = Assert.Single(await EventsAsync(admin, "Site", site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var studentEvent = Assert.Single(await EventsAsync(admin, "Student", student.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(site.Id, siteEvent.GetProperty("changes").GetProperty("id").GetInt32());
        Assert.Equal(student.Id, studentEvent.GetProperty("changes").GetProperty("id").GetInt32());
        Assert.Equal(site.Id, studentEvent.GetProperty("changes").GetProperty("siteId").GetInt32());
    }
}

public sealed class AuditRedactionTests_Sqlite(SqliteApp app) : AuditRedactionTests(app), IClassFixture<SqliteApp>;

public sealed class AuditRedactionTests_Postgres(PostgresApp app) : AuditRedactionTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
