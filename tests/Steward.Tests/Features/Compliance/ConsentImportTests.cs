using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

/// <summary><c>POST /api/consents/import</c>: signed photo-and-name consent forms in bulk (Privacy §3).</summary>
public abstract class ConsentImportTests(StewardApp app)
{
    const string Header = "studentId,kind,grantedBy,grantedOn,expiresOn,documentReference";

    static string ConsentCsv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    static Task<HttpResponseMessage> ImportConsentsAsync(HttpClient client, string csv) => client.PostAsync("/api/consents/import", CsvBody(csv));

    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    Task<int> ConsentCountAsync(params int[] studentIds) => app.WithDbAsync(db => db.Set<Steward.Features.Compliance.Consent>().CountAsync(c => studentIds.Contains(c.StudentId)));

    [DbFact]
    public async Task Import_GoodFile_RecordsEveryConsent_TheScannerSeesThem_AndAgainAddsNothing()
    {
        var site = await app.CreateSiteAsync();
        var a = await app.StudentAsync(site.Id);
        var b = await app.StudentAsync(site.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var photo = new { text = $"Congratulations to {a.FirstName} {a.LastName} on the science fair win!", imageSubjects = new[] { new { studentId = a.StudentNumber } } };
        var before = await (await principal.PostJsonAsync("/api/compliance/scan", photo)).ReadAsync<ScanDto>();
        var csv = ConsentCsv(
            $"{a.StudentNumber},PhotoWithName,Maria Lopez (mother),{Day(-30)},,FORM-2026-0001",
            $"{b.StudentNumber.ToLowerInvariant()},photowithname,\"Lee, Daniel (father)\",{Day(-10)},{Day(300)},FORM-2026-0002");

        var first = await (await ImportConsentsAsync(principal, csv)).ReadAsync<ImportDto>();
        var after = await (await principal.PostJsonAsync("/api/compliance/scan", photo)).ReadAsync<ScanDto>();
        var again = await (await ImportConsentsAsync(principal, csv)).ReadAsync<ImportDto>();
        var corrected = await (await ImportConsentsAsync(principal, csv.Replace(Day(300), Day(200), StringComparison.Ordinal))).ReadAsync<ImportDto>();

        Assert.Equal((2, 0, 0), (first.Imported, first.Updated, first.Unchanged));
        Assert.Equal("Block", before.Verdict);
        Assert.DoesNotContain(after.Findings, f => f.Category == "PhotoConsent" && f.Severity == "Block");
        Assert.Equal((0, 0, 2), (again.Imported, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 1), (corrected.Imported, corrected.Updated, corrected.Unchanged));
        var bStudent = await (await principal.GetAsync($"/api/students/{b.StudentNumber}")).ReadAsync<StudentDto>();
        var consent = Assert.Single(bStudent.Consents!);
        Assert.Equal(("Lee, Daniel (father)", "FORM-2026-0002", DateOnly.Parse(Day(200), CultureInfo.InvariantCulture)),
            (consent.GrantedBy, consent.DocumentReference, consent.ExpiresOn));
        Assert.Equal(2, await ConsentCountAsync(a.Id, b.Id));
    }

    [DbFact]
    public async Task Import_FileWithBadLines_RecordsNothingAndNamesEveryBadLine()
    {
        var site = await app.CreateSiteAsync();
        var elsewhere = await app.StudentAsync((await app.CreateSiteAsync()).Id);
        var s = await app.StudentAsync(site.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var csv = ConsentCsv(
            $"{s.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-1",           // line 2: fine
            $"{s.StudentNumber},Video,Ana Diaz,{Day(-5)},,FORM-2",                   // 3: unknown kind
            $"{s.StudentNumber},PhotoWithName,,{Day(-5)},,FORM-3",                   // 4: no grantedBy
            $"{s.StudentNumber},PhotoWithName,Ana Diaz,05/01/2026,,FORM-4",          // 5: not an ISO date
            $"{s.StudentNumber},PhotoWithName,Ana Diaz,{Day(5)},,FORM-5",            // 6: signed in the future
            $"{s.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)},{Day(-6)},FORM-6",  // 7: expires before it was signed
            $"{s.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-1",           // 8: the form of line 2 again
            $"{StudentId()},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-9",               // 9: no such student
            $"{elsewhere.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-10",  // 10: another site's student
            $"{s.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)}");                  // 11: fields missing

        var response = await ImportConsentsAsync(principal, csv);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, problem.GetProperty("imported").GetInt32());
        var rejected = problem.GetProperty("rejected").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Error: e.GetProperty("error").GetString()!)).ToList();
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11], rejected.Select(r => r.Line));
        Assert.Contains("kind", rejected[0].Error, StringComparison.Ordinal);
        Assert.Contains("grantedBy is missing", rejected[1].Error, StringComparison.Ordinal);
        Assert.Contains("grantedOn \"05/01/2026\" is not a date", rejected[2].Error, StringComparison.Ordinal);
        Assert.Contains("grantedOn is in the future", rejected[3].Error, StringComparison.Ordinal);
        Assert.Contains("expiresOn is before grantedOn", rejected[4].Error, StringComparison.Ordinal);
        Assert.Contains("first on line 2", rejected[5].Error, StringComparison.Ordinal);
        Assert.Contains("not on the roster of a site you lead", rejected[6].Error, StringComparison.Ordinal);
        // Another site's student gets the same answer as no student: the import reveals no other roster.
        Assert.Equal(rejected[6].Error.Replace(rejected[6].Error.Split(' ')[1], "X", StringComparison.Ordinal),
            rejected[7].Error.Replace(elsewhere.StudentNumber, "X", StringComparison.Ordinal));
        Assert.Contains("field", rejected[8].Error, StringComparison.Ordinal);
        Assert.Equal(0, await ConsentCountAsync(s.Id, elsewhere.Id));
    }

    [DbFact]
    public async Task Import_ByStaff_Returns403_NotCsv_415_BadHeader_422OnLine1()
    {
        var site = await app.CreateSiteAsync();
        var s = await app.StudentAsync(site.Id);
        var staff = await app.ClientAsync(Role.Staff, site.Id);
        var admin = await app.AdminAsync();
        var line = $"{s.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-1";

        var byStaff = await ImportConsentsAsync(staff, ConsentCsv(line));
        var json = await admin.PostAsync("/api/consents/import", Http.Raw("{}"));
        var badHeader = await ImportConsentsAsync(admin, "studentId,grantedBy\n" + s.StudentNumber + ",Ana Diaz\n");

        await byStaff.AssertProblemAsync(HttpStatusCode.Forbidden);
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var problem = await badHeader.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Contains("documentReference", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ConsentCountAsync(s.Id));
    }
}

public sealed class ConsentImportTests_Sqlite(SqliteApp app) : ConsentImportTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentImportTests_Postgres(PostgresApp app) : ConsentImportTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
