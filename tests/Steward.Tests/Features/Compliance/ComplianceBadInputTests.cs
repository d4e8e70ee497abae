using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

/// <summary>Bad input to the scan, posts, consents and the two imports: a 400 (422 for a file) naming what is wrong,
/// never a 500, and nothing stored.</summary>
public abstract class ComplianceBadInputTests(StewardApp app)
{
    const string ConsentHeader = "studentId,kind,grantedBy,grantedOn,expiresOn,documentReference";

    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    sealed record Setup(int SiteId, string SiteCode, Account Account, HttpClient Author, HttpClient Principal);

    async Task<Setup> SetupAsync()
    {
        var site = await app.CreateSiteAsync();
        var (manager, author) = await app.StaffAsync(site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id);
        return new Setup(site.Id, site.Code, account, author, await app.ClientAsync(Role.Principal, site.Id));
    }

    Task<int> PostCountAsync(int accountId) => app.WithDbAsync(db => db.Posts.CountAsync(p => p.AccountId == accountId));

    Task<long> RosterVersionAsync() => app.WithDbAsync(db => db.Set<ComplianceState>().Where(s => s.Id == 1).Select(s => s.RosterVersion).SingleAsync());

    static List<(int Line, string Error)> Rejected(JsonElement problem) => problem.GetProperty("rejected").EnumerateArray()
        .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("error").GetString()!)).ToList();

    [DbTheory]
    [InlineData("scan", "imageSubjects")]
    [InlineData("scan", "thirdPartyMaterial")]
    [InlineData("create", "imageSubjects")]
    [InlineData("create", "thirdPartyMaterial")]
    [InlineData("edit", "imageSubjects")]
    [InlineData("edit", "thirdPartyMaterial")]
    public async Task NullListItem_Returns400NamingTheItem_AndStoresNothing(string call, string field)
    {
        var s = await SetupAsync();
        var created = await (await s.Author.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = "Great game tonight!" })).ReadAsync<PostDto>();
        var item = field == "imageSubjects" ? "{\"name\":\"Ana Diaz\"}" : "{\"owner\":\"AP\"}";
        var json = $"{{\"accountId\":{s.Account.Id},\"text\":\"Another great game\",\"rowVersion\":\"{created.RowVersion}\",\"{field}\":[{item},null]}}";

        var response = call switch
        {
            "scan" => await s.Author.PostAsync("/api/compliance/scan", Http.Raw(json)),
            "create" => await s.Author.PostAsync("/api/posts", Http.Raw(json)),
            _ => await s.Author.PutAsync($"/api/posts/{created.Id}", Http.Raw(json)),
        };

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, $"{field}[1]");
        Assert.Equal(1, await PostCountAsync(s.Account.Id));
        Assert.Equal("Great game tonight!", await app.WithDbAsync(db => db.Posts.Where(p => p.Id == created.Id).Select(p => p.Text).SingleAsync()));
    }

    [DbTheory]
    [InlineData("text", "\0")]
    [InlineData("text", "\u0007")]
    [InlineData("links", "\0")]
    [InlineData("outsideOrganization", "\0")]
    [InlineData("outsideOrganization", "\n")]
    [InlineData("imageSubjects[0].name", "\0")]
    [InlineData("imageSubjects[0].studentId", "\0")]
    [InlineData("thirdPartyMaterial[0].owner", "\0")]
    [InlineData("thirdPartyMaterial[0].owner", "\u0085")]
    public async Task CreatePost_ControlCharacter_Returns400NamingTheField_AndStoresNothing(string field, string control)
    {
        var s = await SetupAsync();
        var body = new Dictionary<string, object?> { ["accountId"] = s.Account.Id, ["text"] = "Great game tonight!" };
        switch (field)
        {
            case "text": body["text"] = $"Great{control} game"; break;
            case "links": body["links"] = new[] { $"https://example.org/a{control}b" }; break;
            case "outsideOrganization": body["outsideOrganization"] = $"Booster{control}Club"; break;
            case "imageSubjects[0].name": body["imageSubjects"] = new[] { new { name = $"Ana{control}Diaz" } }; break;
            case "imageSubjects[0].studentId": body["imageSubjects"] = new[] { new { studentId = $"1000{control}" } }; break;
            default: body["thirdPartyMaterial"] = new[] { new { owner = $"AP{control}Photos" } }; break;
        }

        var response = await s.Author.PostJsonAsync("/api/posts", body);
        var scan = await s.Author.PostJsonAsync("/api/compliance/scan", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        if (field != "links") await scan.AssertProblemAsync(HttpStatusCode.BadRequest, field); // a scan has no links
        Assert.Equal(0, await PostCountAsync(s.Account.Id));
    }

    [DbFact]
    public async Task CreatePost_LineBreaksAndTabsInTheText_AreKept()
    {
        var s = await SetupAsync();

        var post = await (await s.Author.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = "Great game!\r\n\tNext: Friday." })).ReadAsync<PostDto>();

        Assert.Equal("Great game!\r\n\tNext: Friday.", post.Text);
    }

    [DbTheory]
    [InlineData("approve", "justification", "Fine\0 by me")]
    [InlineData("reject", "reason", "Not\0 this")]
    [InlineData("reject", "reason", "   a  ")]
    [InlineData("reject", "reason", "\t ab \n")]
    public async Task Decide_ControlCharacterOrTooShortOnceTrimmed_Returns400NamingTheField_AndLeavesThePostSubmitted(string action, string field, string value)
    {
        var s = await SetupAsync();
        var post = await app.PostAsync(s.Account, PostStatus.Submitted);

        var response = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/{action}", new Dictionary<string, string> { [field] = value });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(PostStatus.Submitted, await app.WithDbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.Status).SingleAsync()));
    }

    [DbFact]
    public async Task Reject_ReasonWithSpacesAround_IsStoredTrimmed()
    {
        var s = await SetupAsync();
        var post = await app.PostAsync(s.Account, PostStatus.Submitted);

        var rejected = await (await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/reject", new { reason = "  Too blurry \n" })).ReadAsync<PostDto>();

        Assert.Equal("Too blurry", rejected.RejectionReason);
    }

    [DbTheory]
    [InlineData("grantedBy", "   a  ")]
    [InlineData("grantedBy", "Maria\0 Lopez")]
    [InlineData("grantedBy", "Maria\nLopez")]
    [InlineData("documentReference", " x ")]
    [InlineData("documentReference", "FORM\u001b-1")]
    [InlineData("grantedOn", "0001-01-01")]
    [InlineData("grantedOn", "1999-12-31")]
    [InlineData("expiresOn", "9999-12-31")]
    public async Task GrantConsent_BadField_Returns400NamingIt_AndRecordsNothing(string field, string value)
    {
        var s = await SetupAsync();
        var student = await app.StudentAsync(s.SiteId);
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "PhotoWithName", ["grantedBy"] = "Maria Lopez", ["grantedOn"] = Day(-3), ["expiresOn"] = null, ["documentReference"] = "FORM-1",
            [field] = value,
        };

        var response = await s.Principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.StudentId == student.Id)));
    }

    [DbFact]
    public async Task GrantConsent_TrimmedNamesAndALongButSensibleExpiry_AreRecorded()
    {
        var s = await SetupAsync();
        var student = await app.StudentAsync(s.SiteId);

        var response = await s.Principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents",
            new { kind = "PhotoWithName", grantedBy = "  Maria Lopez ", grantedOn = Day(-3), expiresOn = Day(365 * 12), documentReference = " FORM-7 " });

        var consent = await response.ReadAsync<ConsentDto>();
        Assert.Equal(("Maria Lopez", "FORM-7"), (consent.GrantedBy, consent.DocumentReference));
    }

    [DbFact]
    public async Task ImportRoster_MisplacedOrUnclosedQuote_IsRejectedOnItsLine_AndImportsNothing()
    {
        var s = await SetupAsync();
        string good = StudentId(), misplaced = StudentId(), unclosed = StudentId(), after = StudentId();
        var csv = Csv(
            $"{good},Ana,{Name()},,{s.SiteCode},9,false",          // line 2
            $"{misplaced},\"Al\"x,Ba,,{s.SiteCode},9,false",       // 3: a quote in the middle of a field
            $"{unclosed},\"Al,Ba,,{s.SiteCode},9,false",           // 4: a quote never closed
            $"{after},Bo,{Name()},,{s.SiteCode},9,false");         // 5: read as part of line 4

        var response = await s.Principal.ImportAsync(csv);
        var withoutLastLineBreak = await s.Principal.ImportAsync(csv.TrimEnd('\n'));

        var rejected = Rejected(await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity));
        Assert.True(rejected.Select(r => r.Line).SequenceEqual([3, 4]), string.Join(" | ", rejected));
        Assert.All(rejected, r => Assert.Contains("quote", r.Error, StringComparison.Ordinal));
        Assert.Equal(rejected, Rejected(await withoutLastLineBreak.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(x => new[] { good, misplaced, unclosed, after }.Contains(x.StudentNumber))));
    }

    [DbFact]
    public async Task ImportConsents_BadKindQuoteOrDates_AreRejectedOnTheirLines_AndRecordNothing()
    {
        var s = await SetupAsync();
        var student = await app.StudentAsync(s.SiteId);
        var id = student.StudentNumber;
        var csv = string.Join("\n",
            ConsentHeader,
            $"{id},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-1",          // 2: fine
            $"{id},0,Ana Diaz,{Day(-5)},,FORM-2",                      // 3: a number is not a kind
            $"{id},PhotoWithName,\"Ana\"x,{Day(-5)},,FORM-3",          // 4: misplaced quote
            $"{id},PhotoWithName,Ana Diaz,0001-01-01,,FORM-4",         // 5: signed before 2000
            $"{id},PhotoWithName,Ana Diaz,{Day(-5)},9999-12-31,FORM-5", // 6: holds for millennia
            "");

        var response = await s.Principal.PostAsync("/api/consents/import", CsvBody(csv));

        var rejected = Rejected(await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal([3, 4, 5, 6], rejected.Select(r => r.Line));
        Assert.Contains("kind", rejected[0].Error, StringComparison.Ordinal);
        Assert.Contains("quote", rejected[1].Error, StringComparison.Ordinal);
        Assert.Contains("grantedOn", rejected[2].Error, StringComparison.Ordinal);
        Assert.Contains("expiresOn", rejected[3].Error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.StudentId == student.Id)));
    }

    [DbFact]
    public async Task ImportRoster_ThousandsOfBadLines_ListsTheFirst100AndCountsTheRest()
    {
        var s = await SetupAsync();
        var csv = Csv(Enumerable.Range(0, 2500).Select(i => $"{StudentId()},Ana,Diaz,,{s.SiteCode},99,false").ToArray());

        var response = await s.Principal.ImportAsync(csv);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var rejected = Rejected(problem);
        Assert.Equal(100, rejected.Count);
        Assert.Equal(Enumerable.Range(2, 100), rejected.Select(r => r.Line));
        Assert.Equal(2500, problem.GetProperty("rejectedLines").GetInt32());
        Assert.Contains("2500 line(s)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("first 100", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ImportRoster_HeaderOfThousandsOfUnknownColumns_NamesOnlyAFew()
    {
        var s = await SetupAsync();
        var header = Header + "," + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"extra_column_with_a_long_name_{i}"));

        var response = await s.Principal.ImportAsync(header + "\n");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(Rejected(problem)).Error;
        Assert.True(error.Length < 1000, $"{error.Length} characters");
        Assert.Contains("4990 more", error, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ListStudents_EmptyConsentFilter_ListsAll()
    {
        var s = await SetupAsync();
        var with = await app.StudentAsync(s.SiteId);
        await app.StudentAsync(s.SiteId);
        await app.ConsentAsync(with);

        var all = await (await s.Principal.GetAsync($"/api/students?siteId={s.SiteId}&consent=")).ReadAsync<Page<StudentDto>>();
        var current = await (await s.Principal.GetAsync($"/api/students?siteId={s.SiteId}&consent=current")).ReadAsync<Page<StudentDto>>();

        Assert.Equal(2, all.Total);
        Assert.Equal(1, current.Total);
    }

    [DbFact]
    public async Task ImportRoster_SameFileTwice_SecondChangesNothing_AndLeavesTheRosterVersion()
    {
        var s = await SetupAsync();
        var csv = Csv($"{StudentId()},Ana,{Name()},,{s.SiteCode},9,false", $"{StudentId()},Bo,{Name()},,{s.SiteCode},10,true");
        var before = await RosterVersionAsync();

        var first = await (await s.Principal.ImportAsync(csv)).ReadAsync<ImportDto>();
        var afterFirst = await RosterVersionAsync();
        var second = await (await s.Principal.ImportAsync(csv)).ReadAsync<ImportDto>();
        var afterSecond = await RosterVersionAsync();

        Assert.Equal((2, 0, 0), (first.Imported, first.Updated, first.Unchanged));
        Assert.True(afterFirst > before);
        Assert.Equal((0, 0, 2), (second.Imported, second.Updated, second.Unchanged));
        Assert.Equal(afterFirst, afterSecond);
    }

    [DbFact]
    public async Task ImportConsents_SameFileTwice_LeavesTheRosterVersion()
    {
        var s = await SetupAsync();
        var student = await app.StudentAsync(s.SiteId);
        var csv = $"{ConsentHeader}\n{student.StudentNumber},PhotoWithName,Ana Diaz,{Day(-5)},,FORM-1\n";

        await (await s.Principal.PostAsync("/api/consents/import", CsvBody(csv))).ReadAsync<ImportDto>();
        var afterFirst = await RosterVersionAsync();
        var second = await (await s.Principal.PostAsync("/api/consents/import", CsvBody(csv))).ReadAsync<ImportDto>();

        Assert.Equal((0, 0, 1), (second.Imported, second.Updated, second.Unchanged));
        Assert.Equal(afterFirst, await RosterVersionAsync());
    }
}

public sealed class ComplianceBadInputTests_Sqlite(SqliteApp app) : ComplianceBadInputTests(app), IClassFixture<SqliteApp>;

public sealed class ComplianceBadInputTests_Postgres(PostgresApp app) : ComplianceBadInputTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
