using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Vault;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

public abstract class ScanTests(StewardApp app)
{
    [DbFact]
    public async Task Scan_PhoneNumber_ReturnsBlockWithTheFindingAsApiMdDescribesIt()
    {
        var client = await app.ClientAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        const string text = "Questions? Call Coach at 562-555-0134 tonight.";

        var response = await client.PostJsonAsync("/api/compliance/scan", new { text });

        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Block", json.GetProperty("verdict").GetString());
        var finding = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("category").GetString() == "ContactInfo");
        Assert.Equal(["ruleId", "category", "policyReference", "severity", "start", "length", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Block", finding.GetProperty("severity").GetString());
        Assert.Contains("Privacy §2", finding.GetProperty("policyReference").GetString(), StringComparison.Ordinal);
        Assert.Equal("562-555-0134", text.Substring(finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()));
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("message").GetString()));
    }

    [DbFact]
    public async Task NamedStudentInPhoto_WithoutConsentBlocksCitingPrivacy3_WithConsentDoesNot_AfterRevokingBlocksAgain()
    {
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var body = new { text = $"Congratulations to {student.FirstName} {student.LastName} on the science fair win!", imageSubjects = new[] { new { studentId = student.StudentNumber } } };

        var before = await (await principal.PostJsonAsync("/api/compliance/scan", body)).ReadAsync<ScanDto>();
        var consent = await (await principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents", ConsentBody())).ReadAsync<ConsentDto>();
        var withConsent = await (await principal.PostJsonAsync("/api/compliance/scan", body)).ReadAsync<ScanDto>();
        await principal.DeleteAsync($"/api/students/{student.StudentNumber}/consents/{consent.Id}");
        var revoked = await (await principal.PostJsonAsync("/api/compliance/scan", body)).ReadAsync<ScanDto>();

        Assert.Equal("Block", before.Verdict);
        var photo = Assert.Single(before.Findings, f => f.Category == "PhotoConsent");
        Assert.Contains("Privacy §3", photo.PolicyReference, StringComparison.Ordinal);
        Assert.NotEqual("Block", withConsent.Verdict);
        Assert.DoesNotContain(withConsent.Findings, f => f.Category == "PhotoConsent");
        Assert.Equal("Block", revoked.Verdict);
    }

    [DbFact]
    public async Task ConsentGrantedOnOneNode_IsSeenByTheScannerOfAnother()
    {
        await using var second = new SecondNode(app.IsPostgres ? "Postgres" : "Sqlite", app.ConnectionStringForOtherNodes,
            app.Services.GetRequiredService<MasterKey>().ToBase64());
        await second.InitializeAsync();
        var site = await app.CreateSiteAsync();
        var student = await app.StudentAsync(site.Id);
        var body = new { text = $"{student.FirstName} {student.LastName} at the spelling bee.", imageSubjects = new[] { new { studentId = student.StudentNumber } } };
        var onSecond = await second.ClientAsync(Role.Principal, site.Id);
        Assert.Equal("Block", (await (await onSecond.PostJsonAsync("/api/compliance/scan", body)).ReadAsync<ScanDto>()).Verdict);

        var granted = await (await app.ClientAsync(Role.Principal, site.Id)).PostJsonAsync($"/api/students/{student.StudentNumber}/consents", ConsentBody());

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.NotEqual("Block", (await (await onSecond.PostJsonAsync("/api/compliance/scan", body)).ReadAsync<ScanDto>()).Verdict);
    }

    /// <summary>Nodes share the vault master key (README), which also seals the sign-in key ring.</summary>
    sealed class SecondNode(string provider, string connectionString, string masterKey) : StewardApp
    {
        protected override string Provider => provider;
        protected override string ConnectionString => connectionString;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Steward:Compliance:RefreshSeconds", "0"), new("Steward:Vault:MasterKey", masterKey)];
    }

    [DbFact]
    public async Task SitePublicPhone_IsAllowed_AndAllowedEmailDomainToo()
    {
        var admin = await app.AdminAsync();
        var code = app.Unique("P");
        var created = await admin.PostJsonAsync("/api/sites", new { code, name = "Phone High", kind = "School", publicPhone = "(562) 555-0190" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scanner = app.Services.GetService(typeof(Steward.Features.Compliance.ScanContextProvider)) as Steward.Features.Compliance.ScanContextProvider;
        scanner!.MarkChanged(); // site edits are noticed on the next periodic check; don't wait for it here

        var scan = await (await admin.PostJsonAsync("/api/compliance/scan", new { text = "Call the front office at (562) 555-0190." })).ReadAsync<ScanDto>();

        Assert.Equal("Pass", scan.Verdict);
        Assert.All(scan.Findings, f => Assert.Equal("Info", f.Severity));
    }

    [DbFact]
    public async Task Scan_WithAPromoCodeInALink_IsReviewedAsCommercial_LikeThePostItWouldBe()
    {
        var client = await app.ClientAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        const string text = "Our new spirit wear is here.";

        var withLink = await (await client.PostJsonAsync("/api/compliance/scan", new { text, links = new[] { "https://shop.example.com/?promo=SAVE10" } })).ReadAsync<ScanDto>();
        var plainLink = await (await client.PostJsonAsync("/api/compliance/scan", new { text, links = new[] { "https://example.org/schedule" } })).ReadAsync<ScanDto>();

        Assert.Equal("Review", withLink.Verdict);
        Assert.Equal("Commercial", Assert.Single(withLink.Findings).Category);
        Assert.Equal("Pass", plainLink.Verdict);
    }

    [DbTheory]
    [InlineData("not json at all", "body")]
    [InlineData("{\"text\":12}", "text")]
    [InlineData("{\"text\":\"hi\",\"imageSubjects\":\"Ana\"}", "imageSubjects")]
    [InlineData("{\"text\":\"hi\",\"accountId\":\"x\"}", "accountId")]
    [InlineData("{}", "text")]
    [InlineData("{\"text\":\"hi\",\"imageSubjects\":[{}]}", "imageSubjects[0].studentId")]
    [InlineData("{\"text\":\"hi\",\"imageSubjects\":[{\"studentId\":\"NOSUCH99\"}]}", "imageSubjects")]
    [InlineData("{\"text\":\"hi\",\"accountId\":99999999}", "accountId")]
    [InlineData("{\"text\":\"hi\",\"links\":[\"javascript:alert(1)\"]}", "links")]
    [InlineData("{\"text\":\"hi\",\"links\":\"https://example.org\"}", "links")]
    public async Task Scan_BadInput_Returns400NamingTheField(string json, string field)
    {
        var client = await app.ClientAsync(Role.Staff, (await app.CreateSiteAsync()).Id);

        var response = await client.PostAsync("/api/compliance/scan", Http.Raw(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [DbFact]
    public async Task Scan_MaterialWithoutOwner_Returns400NamingIt()
    {
        var client = await app.ClientAsync(Role.Staff, (await app.CreateSiteAsync()).Id);

        var response = await client.PostAsync("/api/compliance/scan", Http.Raw("{\"text\":\"hi\",\"thirdPartyMaterial\":[{\"owner\":\"\"}]}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("thirdPartyMaterial[0].", StringComparison.OrdinalIgnoreCase));
    }

    [DbFact]
    public async Task Scan_TextOverTheLimit_Returns400NamingText_AndAHugeBodyIsRefused()
    {
        var client = await app.AdminAsync();

        var overlong = await client.PostJsonAsync("/api/compliance/scan", new { text = new string('a', 10_001) });
        var huge = await client.PostJsonAsync("/api/compliance/scan", new { text = new string('a', 2_000_000) });

        await overlong.AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        // Kestrel stops reading at the endpoint's size limit (413); the test server has no such limit and the text's does (400).
        Assert.True(huge.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"got {(int)huge.StatusCode}");
    }

    [DbFact]
    public async Task Scan_UserWithoutAnyRole_Returns403()
    {
        var nobody = await app.ClientForUserAsync(await app.CreateUserAsync());

        var response = await nobody.PostJsonAsync("/api/compliance/scan", new { text = "hello" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class ScanTests_Sqlite(SqliteApp app) : ScanTests(app), IClassFixture<SqliteApp>;

public sealed class ScanTests_Postgres(PostgresApp app) : ScanTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
