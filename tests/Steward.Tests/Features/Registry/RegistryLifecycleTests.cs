using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Registry;

/// <summary>School years, submissions to the Ethics Office, reports and the public directory.</summary>
public abstract class RegistryLifecycleTests(StewardApp app)
{
    static readonly string[] ReportColumns =
        ["SiteCode", "SiteName", "Platform", "Handle", "Url", "Category", "DisplayName", "ManagerFullName", "ManagerTitle", "Status", "ApprovedBy", "ApprovedAt"];

    sealed record Opened(string SchoolYear, int AccountsMovedToRenewal);

    [DbFact]
    public async Task OpenSchoolYear_MovesApprovedToRenewal_ReapprovalRegistersTheNewYear_AndOpeningAgainIsANoOp()
    {
        var admin = await app.AdminAsync();
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved, schoolYear: "2026-27");
        var year = "2090-91";

        var first = await (await admin.PostAsync($"/api/school-years/{year}/open", null)).ReadAsync<Opened>();
        Assert.True(first.AccountsMovedToRenewal >= 1);
        Assert.Equal(AccountStatus.NeedsRenewal, await app.WithDbAsync(async db => (await db.Accounts.FindAsync(account.Id))!.Status));

        var renewals = await (await admin.GetAsync($"/api/school-years/{year}/renewals?siteId={site.Id}")).JsonAsync();
        Assert.Equal(1, renewals[0].GetProperty("unrenewed").GetInt32());
        Assert.Equal(account.Id, renewals[0].GetProperty("unrenewedAccounts")[0].GetProperty("id").GetInt32());

        var principal = await app.ClientAsync(Role.Principal, site.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await principal.PostAsync($"/api/accounts/{account.Id}/approve", null)).StatusCode);
        var renewed = await (await principal.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>();
        Assert.Equal("Approved", renewed.Status);
        Assert.Equal(year, renewed.SchoolYear);

        var again = await (await admin.PostAsync($"/api/school-years/{year}/open", null)).ReadAsync<Opened>();
        Assert.Equal(0, again.AccountsMovedToRenewal);
        Assert.Equal(AccountStatus.Approved, await app.WithDbAsync(async db => (await db.Accounts.FindAsync(account.Id))!.Status));
        var current = await (await admin.GetAsync("/api/school-years/current")).JsonAsync();
        Assert.Equal(year, current.GetProperty("schoolYear").GetString());
    }

    [DbTheory]
    [InlineData("2027")]
    [InlineData("2027-29")]
    [InlineData("next")]
    public async Task OpenSchoolYear_BadYear_Returns400NamingYear(string year)
    {
        var response = await (await app.AdminAsync()).PostAsync($"/api/school-years/{year}/open", null);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "year");
    }

    [DbFact]
    public async Task OpenSchoolYear_ByPrincipal_Returns403()
    {
        var site = await app.CreateSiteAsync();

        var response = await (await app.ClientAsync(Role.Principal, site.Id)).PostAsync("/api/school-years/2095-96/open", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [DbFact]
    public async Task Submit_FreezesTheListAndDiffsAgainstThePreviousSubmission()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var successor = await app.CreateUserAsync(Role.Staff, site.Id);
        var kept = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var dropped = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        await app.SeedAsync(site.Id, manager.Id, AccountStatus.Pending); // not on the list
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        var first = await (await principal.PostAsync($"/api/sites/{site.Id}/submissions", null)).JsonAsync();
        Assert.Equal(2, first.GetProperty("accountCount").GetInt32());

        var added = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        await app.WithDbAsync(async db =>
        {
            (await db.Accounts.FindAsync(dropped.Id))!.Status = AccountStatus.Retired;
            (await db.Accounts.FindAsync(kept.Id))!.ManagerUserId = successor.Id;
            await db.SaveChangesAsync();
        });
        var second = await principal.PostAsync($"/api/sites/{site.Id}/submissions", null);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var id = (await second.JsonAsync()).GetProperty("id").GetInt32();

        var detail = await (await (await app.ClientAsync(Role.EthicsOffice)).GetAsync($"/api/submissions/{id}")).JsonAsync();
        var diff = detail.GetProperty("diff");
        Assert.Equal([added.Id], diff.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("accountId").GetInt32()));
        Assert.Equal([dropped.Id], diff.GetProperty("removed").EnumerateArray().Select(a => a.GetProperty("accountId").GetInt32()));
        var change = Assert.Single(diff.GetProperty("managerChanged").EnumerateArray());
        Assert.Equal(kept.Id, change.GetProperty("accountId").GetInt32());
        Assert.Equal(successor.FullName, change.GetProperty("to").GetString());
        Assert.Equal(2, detail.GetProperty("accounts").GetArrayLength());
        AssertNoCredentialField(detail.GetRawText());
    }

    [DbFact]
    public async Task Submissions_EthicsSeesAll_PrincipalSeesOwnSite_StaffIsRefused()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var otherPrincipal = await app.ClientAsync(Role.Principal, other.Id);
        var mine = (await (await principal.PostAsync($"/api/sites/{site.Id}/submissions", null)).JsonAsync()).GetProperty("id").GetInt32();
        var theirs = (await (await otherPrincipal.PostAsync($"/api/sites/{other.Id}/submissions", null)).JsonAsync()).GetProperty("id").GetInt32();

        var ethics = await (await (await app.ClientAsync(Role.EthicsOffice)).GetAsync("/api/submissions?pageSize=200")).ReadAsync<Page<JsonElement>>();
        var own = await (await principal.GetAsync("/api/submissions?pageSize=200")).ReadAsync<Page<JsonElement>>();

        Assert.Contains(ethics.Items, s => s.GetProperty("id").GetInt32() == mine);
        Assert.Contains(ethics.Items, s => s.GetProperty("id").GetInt32() == theirs);
        Assert.Contains(own.Items, s => s.GetProperty("id").GetInt32() == mine);
        Assert.DoesNotContain(own.Items, s => s.GetProperty("id").GetInt32() == theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/submissions/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(Role.Staff, site.Id)).GetAsync("/api/submissions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPrincipal.PostAsync($"/api/sites/{site.Id}/submissions", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(Role.Staff, site.Id)).PostAsync($"/api/sites/{site.Id}/submissions", null)).StatusCode);
    }

    [DbFact]
    public async Task SubmissionStatus_ShowsWhichSitesSubmittedThisYear()
    {
        var submitted = await app.CreateSiteAsync();
        var silent = await app.CreateSiteAsync();
        await (await app.ClientAsync(Role.Principal, submitted.Id)).PostAsync($"/api/sites/{submitted.Id}/submissions", null);

        var status = await (await (await app.ClientAsync(Role.PublicInformation)).GetAsync("/api/submissions/status")).JsonAsync();

        var rows = status.EnumerateArray().ToDictionary(r => r.GetProperty("siteId").GetInt32(), r => r.GetProperty("submitted").GetBoolean());
        Assert.True(rows[submitted.Id]);
        Assert.False(rows[silent.Id]);
    }

    [DbFact]
    public async Task RegistryReport_CsvXlsxJson_HaveTheColumnsAndNoCredential()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var ethics = await app.ClientAsync(Role.EthicsOffice);

        var csvResponse = await ethics.GetAsync($"/api/reports/registry?format=csv&siteId={site.Id}");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        using var reader = new StringReader(await csvResponse.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(ReportColumns, records[0].Keys);
        Assert.Equal(account.Handle, Assert.Single(records)["Handle"]);
        Assert.Equal(manager.FullName, records[0]["ManagerFullName"]);

        var xlsx = await ethics.GetAsync($"/api/reports/registry?format=xlsx&siteId={site.Id}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(ReportColumns, rows[0].Keys);
        Assert.Equal(account.Handle, Assert.Single(rows)["Handle"]);

        var json = await (await ethics.GetAsync($"/api/reports/registry?format=json&siteId={site.Id}")).JsonAsync();
        Assert.Equal(account.Handle, json[0].GetProperty("handle").GetString());
        AssertNoCredentialField(json.GetRawText());
    }

    [DbFact]
    public async Task RegistryReport_PrincipalGetsOnlyTheirSite_StaffIsRefused_BadFormatIs400()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var otherManager = await app.CreateUserAsync(Role.Staff, other.Id);
        var mine = await app.SeedAsync(site.Id, manager.Id);
        var theirs = await app.SeedAsync(other.Id, otherManager.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        var rows = await (await principal.GetAsync("/api/reports/registry?format=json")).JsonAsync();

        var handles = rows.EnumerateArray().Select(r => r.GetProperty("handle").GetString()).ToList();
        Assert.Contains(mine.Handle, handles);
        Assert.DoesNotContain(theirs.Handle, handles);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/reports/registry?siteId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(Role.Staff, site.Id)).GetAsync("/api/reports/registry")).StatusCode);
        await (await principal.GetAsync("/api/reports/registry?format=pdf")).AssertProblemAsync(HttpStatusCode.BadRequest, "format");
        await (await principal.GetAsync("/api/reports/registry?schoolYear=2027")).AssertProblemAsync(HttpStatusCode.BadRequest, "schoolYear");
    }

    [DbFact]
    public async Task PublicDirectory_ListsApprovedAccountsOnly_WithoutStaffNames_AndVerifyAnswers()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var approved = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var pending = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Pending);
        var anonymous = app.Anonymous();

        var page = await (await anonymous.GetAsync($"/api/public/accounts?q={site.Code}&pageSize=200")).JsonAsync();
        var handles = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("handle").GetString()).ToList();
        Assert.Contains(approved.Handle, handles);
        Assert.DoesNotContain(pending.Handle, handles);
        Assert.DoesNotContain(manager.FullName, page.GetRawText(), StringComparison.Ordinal);

        var official = await (await anonymous.GetAsync($"/api/public/verify?url={Uri.EscapeDataString($"https://www.instagram.com/{approved.Handle.ToUpperInvariant()}/")}")).JsonAsync();
        Assert.True(official.GetProperty("official").GetBoolean());
        Assert.Equal(approved.Handle, official.GetProperty("account").GetProperty("handle").GetString());
        var notYet = await (await anonymous.GetAsync($"/api/public/verify?url={Uri.EscapeDataString($"https://instagram.com/{pending.Handle}")}")).JsonAsync();
        Assert.False(notYet.GetProperty("official").GetBoolean());
        await (await anonymous.GetAsync("/api/public/verify")).AssertProblemAsync(HttpStatusCode.BadRequest, "url");
    }

    static void AssertNoCredentialField(string json)
    {
        foreach (var word in new[] { "password", "credential", "secret", "username" })
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class RegistryLifecycleTests_Sqlite(SqliteApp app) : RegistryLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class RegistryLifecycleTests_Postgres(PostgresApp app) : RegistryLifecycleTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
