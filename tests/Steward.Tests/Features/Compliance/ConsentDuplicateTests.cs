using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

/// <summary>One current record per signed consent form: findings of the security audit.</summary>
public abstract class ConsentDuplicateTests(StewardApp app)
{
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    Task<int> CurrentAsync(int studentId) => app.WithDbAsync(db => db.Set<Consent>().CountAsync(c => c.StudentId == studentId && c.RevokedAt == null));

    [DbFact]
    public async Task Grant_TheSameDocumentTwice_Returns409NamingDocumentReference_AfterRevokingItMayBeRecordedAgain()
    {
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var url = $"/api/students/{student.StudentNumber}/consents";

        var first = await (await principal.PostJsonAsync(url, ConsentBody(documentReference: "FORM-DUP-1"))).ReadAsync<ConsentDto>();
        var second = await principal.PostJsonAsync(url, ConsentBody(documentReference: " FORM-DUP-1 "));

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "documentReference");
        Assert.Equal(1, await CurrentAsync(student.Id));
        Assert.Equal(HttpStatusCode.NoContent, (await principal.DeleteAsync($"{url}/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await principal.PostJsonAsync(url, ConsentBody(documentReference: "FORM-DUP-1"))).StatusCode);
        Assert.Equal(1, await CurrentAsync(student.Id));
    }

    [DbFact]
    public async Task ConcurrentImports_OfTheSameFile_EndWithOneRowPerConsent_TheLosersGet409()
    {
        var site = await app.CreateSiteAsync();
        var students = new List<Student>();
        for (var i = 0; i < 6; i++) students.Add(await app.StudentAsync(site.Id));
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var csv = "studentId,kind,grantedBy,grantedOn,expiresOn,documentReference\n"
            + string.Join("\n", students.Select((s, i) => $"{s.StudentNumber},PhotoWithName,Parent {i},{Day(-5)},,FORM-CC-{i}")) + "\n";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => principal.PostAsync("/api/consents/import", CsvBody(csv))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        foreach (var s in students) Assert.Equal(1, await CurrentAsync(s.Id));
    }
}

public sealed class ConsentDuplicateTests_Sqlite(SqliteApp app) : ConsentDuplicateTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentDuplicateTests_Postgres(PostgresApp app) : ConsentDuplicateTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
