using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

public abstract class RosterTests(StewardApp app)
{
    Task<int> CountAsync(params string[] ids) => app.WithDbAsync(db => db.Students.CountAsync(s => ids.Contains(s.StudentNumber)));

    [DbFact]
    public async Task Import_GoodFile_ImportsEveryStudent_AndAgainUpdatesOnlyWhatChanged()
    {
        var site = await app.CreateSiteAsync();
        var admin = await app.AdminAsync();
        string a = StudentId(), b = StudentId(), last = Name();
        var csv = Csv($"{a},Ana,{last},,{site.Code},9,false", $"{b},\"Jo, Jr\",{Name()},Joey,{site.Code.ToLowerInvariant()},K,yes");

        var first = await (await admin.ImportAsync(csv)).ReadAsync<ImportDto>();
        var second = await (await admin.ImportAsync(csv.Replace(",9,false", ",10,false", StringComparison.Ordinal))).ReadAsync<ImportDto>();

        Assert.Equal((2, 0, 0), (first.Imported, first.Updated, first.Unchanged));
        Assert.Empty(first.Rejected);
        Assert.Equal((0, 1, 1), (second.Imported, second.Updated, second.Unchanged));
        var found = await (await admin.GetAsync($"/api/students?q={last}")).ReadAsync<Page<StudentDto>>();
        var ana = Assert.Single(found.Items);
        Assert.Equal((a, "10", site.Id, false), (ana.StudentId, ana.Grade, ana.SiteId, ana.DirectoryOptOut));
        var joey = await (await admin.GetAsync($"/api/students/{b}")).ReadAsync<StudentDto>();
        Assert.Equal(("Jo, Jr", "Joey", "K", true), (joey.FirstName, joey.PreferredName, joey.Grade, joey.DirectoryOptOut));
    }

    [DbFact]
    public async Task Import_FileWithBadLines_ImportsNothingAndNamesEveryBadLine()
    {
        var site = await app.CreateSiteAsync();
        var admin = await app.AdminAsync();
        string good = StudentId(), dup = StudentId();
        var csv = Csv(
            $"{good},Ana,{Name()},,{site.Code},9,false",            // line 2: fine
            $"{StudentId()},Ben,{Name()},,NOSUCHSITE,9,false",       // 3: unknown site
            $"{dup},Cy,{Name()},,{site.Code},9,false",               // 4: fine
            $"{dup},Di,{Name()},,{site.Code},9,false",               // 5: duplicate of line 4
            $"{StudentId()},Ed,,,{site.Code},9,false",               // 6: no last name
            $"{StudentId()},Flo,{Name()},,{site.Code},9,maybe",      // 7: bad boolean
            $"{StudentId()},{new string('x', 101)},{Name()},,{site.Code},9,false", // 8: overlong
            $"{StudentId()},Gus,{Name()},,{site.Code},14,false",     // 9: bad grade
            $"{StudentId()},Hal,{Name()},{site.Code},9,false");      // 10: a field short

        var response = await admin.ImportAsync(csv);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, problem.GetProperty("imported").GetInt32());
        var rejected = problem.GetProperty("rejected").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Error: e.GetProperty("error").GetString()!)).ToList();
        Assert.Equal([3, 5, 6, 7, 8, 9, 10], rejected.Select(r => r.Line));
        Assert.Contains("NOSUCHSITE", rejected[0].Error, StringComparison.Ordinal);
        Assert.Contains("line 4", rejected[1].Error, StringComparison.Ordinal);
        Assert.Contains("lastName", rejected[2].Error, StringComparison.Ordinal);
        Assert.Contains("directoryOptOut", rejected[3].Error, StringComparison.Ordinal);
        Assert.Contains("firstName is longer", rejected[4].Error, StringComparison.Ordinal);
        Assert.Contains("grade", rejected[5].Error, StringComparison.Ordinal);
        Assert.Contains("6 field", rejected[6].Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(good, dup));
    }

    [DbFact]
    public async Task Students_FilteredByConsent_CurrentNoneAndEndingWithin30Days()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var open = await app.StudentAsync(site.Id);
        var ending = await app.StudentAsync(site.Id);
        var later = await app.StudentAsync(site.Id);
        var none = await app.StudentAsync(site.Id);
        var revoked = await app.StudentAsync(site.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await principal.PostJsonAsync($"/api/students/{open.StudentNumber}/consents", ConsentBody());
        await principal.PostJsonAsync($"/api/students/{ending.StudentNumber}/consents", ConsentBody(expiresOn: today.AddDays(10)));
        await principal.PostJsonAsync($"/api/students/{later.StudentNumber}/consents", ConsentBody(expiresOn: today.AddDays(90)));
        var gone = await (await principal.PostJsonAsync($"/api/students/{revoked.StudentNumber}/consents", ConsentBody(expiresOn: today.AddDays(5)))).ReadAsync<ConsentDto>();
        await principal.DeleteAsync($"/api/students/{revoked.StudentNumber}/consents/{gone.Id}");

        async Task<List<string>> IdsAsync(string consent) =>
            [.. (await (await principal.GetAsync($"/api/students?siteId={site.Id}&consent={consent}&pageSize=100")).ReadAsync<Page<StudentDto>>())
                .Items.Select(s => s.StudentId).Order(StringComparer.Ordinal)];

        Assert.Equal(new[] { open, ending, later }.Select(s => s.StudentNumber).Order(StringComparer.Ordinal), await IdsAsync("current"));
        Assert.Equal(new[] { none, revoked }.Select(s => s.StudentNumber).Order(StringComparer.Ordinal), await IdsAsync("none"));
        Assert.Equal([ending.StudentNumber], await IdsAsync("expiring"));
        await (await principal.GetAsync("/api/students?consent=soon")).AssertProblemAsync(HttpStatusCode.BadRequest, "consent");
    }

    [DbFact]
    public async Task Import_BadHeader_Returns422OnLine1()
    {
        var admin = await app.AdminAsync();

        var response = await admin.ImportAsync("id,first,last\n1,A,B\n");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var line = Assert.Single(problem.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, line.GetProperty("line").GetInt32());
        Assert.Contains("studentId", line.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Import_ByPrincipal_OwnSiteOnly_AndStaffMayNot()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var staff = await app.ClientAsync(Role.Staff, site.Id);
        string mine = StudentId(), theirs = StudentId();

        var mixed = await principal.ImportAsync(Csv($"{mine},Ana,{Name()},,{site.Code},9,false", $"{theirs},Ben,{Name()},,{other.Code},9,false"));
        var byStaff = await staff.ImportAsync(Csv($"{mine},Ana,{Name()},,{site.Code},9,false"));
        var own = await principal.ImportAsync(Csv($"{mine},Ana,{Name()},,{site.Code},9,false"));

        var problem = await mixed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(3, Assert.Single(problem.GetProperty("rejected").EnumerateArray()).GetProperty("line").GetInt32());
        await byStaff.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await own.ReadAsync<ImportDto>()).Imported);
        Assert.Equal(0, await CountAsync(theirs));
    }

    [DbFact]
    public async Task Import_NotCsv_Returns415_AndTooLarge_Returns413()
    {
        var site = await app.CreateSiteAsync();
        var admin = await app.AdminAsync();
        var big = new System.Text.StringBuilder(Header + "\n");
        while (big.Length < 6 * 1024 * 1024) big.Append(StudentId()).Append(",Ana,Lopez,,").Append(site.Code).Append(",9,false\n");

        var json = await admin.PostAsync("/api/students/import", Http.Raw("{}"));
        var tooLarge = await admin.ImportAsync(big.ToString());

        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await tooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [DbFact]
    public async Task Students_SiteRolesSeeTheirSites_OtherDistrictRolesAreRefused()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);

        var own = await (await (await app.ClientAsync(Role.Staff, site.Id)).GetAsync($"/api/students?q={student.LastName}")).ReadAsync<Page<StudentDto>>();
        var elsewhere = await (await (await app.ClientAsync(Role.Principal, other.Id)).GetAsync($"/api/students?q={student.LastName}")).ReadAsync<Page<StudentDto>>();
        var ethics = await (await app.ClientAsync(Role.EthicsOffice)).GetAsync("/api/students");
        var notFound = await (await app.ClientAsync(Role.Principal, other.Id)).GetAsync($"/api/students/{student.StudentNumber}");

        Assert.Equal(student.StudentNumber, Assert.Single(own.Items).StudentId);
        Assert.Empty(elsewhere.Items);
        await ethics.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [DbFact]
    public async Task Consent_Grant_Returns201_AndRevokeKeepsTheRecordWithWhoAndWhen()
    {
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        var created = await principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents", ConsentBody());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var consent = await created.ReadAsync<ConsentDto>();
        Assert.True(consent.IsCurrent);
        Assert.True((await (await principal.GetAsync($"/api/students/{student.StudentNumber}")).ReadAsync<StudentDto>()).HasCurrentPhotoWithNameConsent);

        var revoke = await principal.DeleteAsync($"/api/students/{student.StudentNumber}/consents/{consent.Id}");
        var again = await principal.DeleteAsync($"/api/students/{student.StudentNumber}/consents/{consent.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var after = await (await principal.GetAsync($"/api/students/{student.StudentNumber}")).ReadAsync<StudentDto>();
        Assert.False(after.HasCurrentPhotoWithNameConsent);
        var kept = Assert.Single(after.Consents!);
        Assert.NotNull(kept.RevokedAt);
        Assert.NotNull(kept.RevokedByUserId);
        Assert.False(kept.IsCurrent);
    }

    [DbTheory]
    [InlineData("future", "grantedOn")]
    [InlineData("expiresBeforeGranted", "expiresOn")]
    [InlineData("noDocument", "documentReference")]
    [InlineData("badKind", "kind")]
    public async Task Consent_BadInput_Returns400NamingTheFieldAndStoresNothing(string kind, string field)
    {
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var admin = await app.AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = kind switch
        {
            "future" => ConsentBody(grantedOn: today.AddDays(5)),
            "expiresBeforeGranted" => ConsentBody(grantedOn: today.AddDays(-5), expiresOn: today.AddDays(-10)),
            "noDocument" => ConsentBody(documentReference: null),
            _ => ConsentBody(kind: "Tattoo"),
        };

        var response = await admin.PostJsonAsync($"/api/students/{student.StudentNumber}/consents", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.StudentId == student.Id)));
    }

    [DbFact]
    public async Task Consent_UnknownStudentOrConsent_Returns404()
    {
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var admin = await app.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJsonAsync("/api/students/NOSUCH1/consents", ConsentBody())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/students/{student.StudentNumber}/consents/999999")).StatusCode);
    }
}

public sealed class RosterTests_Sqlite(SqliteApp app) : RosterTests(app), IClassFixture<SqliteApp>;

public sealed class RosterTests_Postgres(PostgresApp app) : RosterTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
