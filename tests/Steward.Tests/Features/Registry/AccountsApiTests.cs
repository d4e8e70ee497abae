using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Registry;

public abstract class AccountsApiTests(StewardApp app)
{
    [DbFact]
    public async Task Request_ByStaffForOwnSite_Returns201PendingWithNormalisedHandle()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var body = RegistryData.Request(site.Id, staff.Id, handle: null);
        var handle = app.Unique("whs_vb");
        body["handle"] = null;
        body["url"] = $"https://www.instagram.com/{handle.ToUpperInvariant()}/";

        var response = await client.PostJsonAsync("/api/accounts", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.ReadAsync<AccountDto>();
        Assert.Equal("Pending", account.Status);
        Assert.Equal(handle.ToLowerInvariant(), account.Handle);
        Assert.Equal(staff.Id, account.ManagerUserId);
        Assert.Equal(staff.Id, account.RequestedByUserId);
        Assert.Matches(@"^\d{4}-\d{2}$", account.SchoolYear);
    }

    [DbFact]
    public async Task Request_SameAccountInAnotherSpelling_Returns409AndStoresOne()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var handle = app.Unique("dup_");
        await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id, "@" + handle.ToUpperInvariant()))).ReadAsync<AccountDto>();

        var second = RegistryData.Request(site.Id, staff.Id, $"https://www.instagram.com/{handle}/");
        var response = await client.PostJsonAsync("/api/accounts", second);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Handle == handle.ToLowerInvariant())));
    }

    [DbFact]
    public async Task Request_ForAnotherSite_Returns400NamingSiteIdAndStoresNothing()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var before = await app.WithDbAsync(db => db.Accounts.CountAsync());

        var response = await client.PostJsonAsync("/api/accounts", RegistryData.Request(other.Id, staff.Id));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "siteId");
        Assert.Equal(before, await app.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [DbFact]
    public async Task Request_BoosterNamedAfterTheMascot_Returns422NamingTheWordAndCitingBooster3()
    {
        var site = await app.CreateSiteAsync(mascot: "Bruins");
        var (staff, client) = await app.StaffAsync(site.Id);
        var body = RegistryData.Request(site.Id, staff.Id, "wilsonbruinsboosters" + app.Unique(""), category: "Booster");
        body["boosterGuidelinesAttested"] = true;

        var response = await client.PostJsonAsync("/api/accounts", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Bruins", problem.GetProperty("word").GetString());
        Assert.Equal("booster-3.naming", problem.GetProperty("rule").GetString());
        Assert.Contains("Booster §3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Request_BoosterWithCleanNameAndAttestation_Returns201()
    {
        var site = await app.CreateSiteAsync(mascot: "Bruins");
        var (staff, client) = await app.StaffAsync(site.Id);
        var body = RegistryData.Request(site.Id, staff.Id, "westside_vb_parents" + app.Unique(""), category: "Booster");
        body["displayName"] = "Westside Volleyball Parents";
        body["boosterGuidelinesAttested"] = true;

        var response = await client.PostJsonAsync("/api/accounts", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [DbFact]
    public async Task Request_BoosterWithoutAttestation_Returns400NamingIt()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);

        var response = await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id, category: "Booster"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "boosterGuidelinesAttested");
    }

    [DbFact]
    public async Task Request_CurricularWithoutPrincipalNotice_Returns400NamingIt()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);

        var response = await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id, category: "Curricular"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "principalNotifiedOn");
    }

    [DbFact]
    public async Task Request_ManagerDeactivatedOrFromAnotherSite_Returns400NamingManager()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var (_, client) = await app.StaffAsync(site.Id);
        var outsider = await app.CreateUserAsync(Role.Staff, other.Id);
        var departed = await app.CreateUserAsync(Role.Staff, site.Id);
        await (await app.AdminAsync()).PostAsync($"/api/users/{departed.Id}/deactivate", null);

        await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, outsider.Id))).AssertProblemAsync(HttpStatusCode.BadRequest, "managerUserId");
        await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, departed.Id))).AssertProblemAsync(HttpStatusCode.BadRequest, "managerUserId");
        await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, 999999))).AssertProblemAsync(HttpStatusCode.BadRequest, "managerUserId");
    }

    [DbTheory]
    [InlineData("platform", "Myspace")]
    [InlineData("category", "Secret")]
    [InlineData("url", "not a url")]
    [InlineData("url", "ftp://example.com/x")]
    [InlineData("url", "https://www.facebook.com/someone")]
    [InlineData("handle", "")]
    [InlineData("handle", "has spaces in it")]
    [InlineData("displayName", "")]
    [InlineData("purpose", "")]
    public async Task Request_BadField_Returns400NamingItAndStoresNothing(string field, string value)
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var body = RegistryData.Request(site.Id, staff.Id);
        body[field] = value;
        var before = await app.WithDbAsync(db => db.Accounts.CountAsync());

        var response = await client.PostJsonAsync("/api/accounts", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [DbTheory]
    [InlineData("displayName", 201)]
    [InlineData("purpose", 2001)]
    [InlineData("handle", 501)]
    [InlineData("url", 501)]
    public async Task Request_OverlongField_Returns400NamingIt(string field, int length)
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var body = RegistryData.Request(site.Id, staff.Id);
        body[field] = new string('a', length);

        await (await client.PostJsonAsync("/api/accounts", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [DbFact]
    public async Task Approve_ByOwnPrincipal_RegistersForTheYearAndRecordsWhoAndWhen()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var principal = await app.CreateUserAsync(Role.Principal, site.Id);
        var account = await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id))).ReadAsync<AccountDto>();

        var response = await (await app.ClientForUserAsync(principal)).PostAsync($"/api/accounts/{account.Id}/approve", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var approved = await (await client.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>();
        Assert.Equal("Approved", approved.Status);
        Assert.Equal(principal.Id, approved.ApprovedByUserId);
        Assert.NotNull(approved.ApprovedAt);
        Assert.True(await app.WithDbAsync(db => db.AccountRegistrations.AnyAsync(r => r.AccountId == account.Id && r.SchoolYear == approved.SchoolYear)));
    }

    [DbFact]
    public async Task Approve_OwnRequest_Returns409AndStaysPending()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.CreateUserAsync(Role.Principal, site.Id);
        var client = await app.ClientForUserAsync(principal);
        var account = await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, principal.Id))).ReadAsync<AccountDto>();

        var response = await client.PostAsync($"/api/accounts/{account.Id}/approve", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(AccountStatus.Pending, await app.WithDbAsync(async db => (await db.Accounts.FindAsync(account.Id))!.Status));
    }

    [DbFact]
    public async Task Approve_ByPrincipalOfAnotherSite_Returns404_ByStaff_Returns403()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var account = await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id))).ReadAsync<AccountDto>();
        var (_, colleague) = await app.StaffAsync(site.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(Role.Principal, other.Id)).PostAsync($"/api/accounts/{account.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsync($"/api/accounts/{account.Id}/approve", null)).StatusCode);
        Assert.Equal(AccountStatus.Pending, await app.WithDbAsync(async db => (await db.Accounts.FindAsync(account.Id))!.Status));
    }

    [DbFact]
    public async Task Reject_NeedsAReason_ThenRecordsIt()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var designee = await app.ClientAsync(Role.SiteDesignee, site.Id);
        var account = await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id))).ReadAsync<AccountDto>();

        await (await designee.PostJsonAsync($"/api/accounts/{account.Id}/reject", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Equal(HttpStatusCode.NoContent, (await designee.PostJsonAsync($"/api/accounts/{account.Id}/reject", new { reason = "Use the existing team account." })).StatusCode);

        var rejected = await (await client.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>();
        Assert.Equal("Rejected", rejected.Status);
        Assert.Equal("Use the existing team account.", rejected.DecisionReason);
        await (await designee.PostAsync($"/api/accounts/{account.Id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [DbFact]
    public async Task SuspendReinstateRetire_FollowTheLifecycleAndAreAudited()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await principal.PostJsonAsync($"/api/accounts/{account.Id}/suspend", new { reason = "Posted a student's phone number." })).StatusCode);
        Assert.Equal(AccountStatus.Suspended, await app.WithDbAsync(async db => (await db.Accounts.FindAsync(account.Id))!.Status));
        Assert.Equal(HttpStatusCode.NoContent, (await principal.PostAsync($"/api/accounts/{account.Id}/reinstate", null)).StatusCode);
        Assert.Equal(AccountStatus.Approved, await app.WithDbAsync(async db => (await db.Accounts.FindAsync(account.Id))!.Status));
        Assert.Equal(HttpStatusCode.NoContent, (await principal.PostAsync($"/api/accounts/{account.Id}/retire", null)).StatusCode);
        await (await principal.PostAsync($"/api/accounts/{account.Id}/reinstate", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var audit = await (await app.AdminAsync()).GetAsync($"/api/audit?entityType=Account&entityId={account.Id}");
        var statuses = (await audit.JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("changes").TryGetProperty("status", out _))
            .Select(e => e.GetProperty("changes").GetProperty("status").GetProperty("new").GetString()).ToList();
        Assert.Equal(["Retired", "Approved", "Suspended"], statuses);
    }

    [DbFact]
    public async Task Update_TwoEditsWithTheSameRowVersion_One204OneConflictNothingLost()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var account = await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id))).ReadAsync<AccountDto>();
        Dictionary<string, object?> Edit(string name) => new()
        {
            ["platform"] = account.Platform, ["handle"] = account.Handle, ["displayName"] = name, ["category"] = account.Category,
            ["purpose"] = account.Purpose, ["managerUserId"] = staff.Id, ["rowVersion"] = account.RowVersion,
        };

        var first = await client.PutJsonAsync($"/api/accounts/{account.Id}", Edit("First Name Wins"));
        var second = await client.PutJsonAsync($"/api/accounts/{account.Id}", Edit("Second Name Loses"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("First Name Wins", (await (await client.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>()).DisplayName);
    }

    [DbFact]
    public async Task Update_WithoutRowVersion_Returns400()
    {
        var site = await app.CreateSiteAsync();
        var (staff, client) = await app.StaffAsync(site.Id);
        var account = await (await client.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id))).ReadAsync<AccountDto>();
        var body = RegistryData.Request(site.Id, staff.Id, account.Handle);

        await (await client.PutJsonAsync($"/api/accounts/{account.Id}", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "rowVersion");
    }

    [DbFact]
    public async Task List_SiteRolesSeeTheirSite_DistrictRolesSeeAll_FiltersWork()
    {
        var site = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var otherManager = await app.CreateUserAsync(Role.Staff, other.Id);
        var mine = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var pending = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Pending);
        var theirs = await app.SeedAsync(other.Id, otherManager.Id, AccountStatus.Approved);

        var staffView = await (await app.ClientForUserAsync(manager)).GetAsync("/api/accounts?pageSize=200");
        var ethicsView = await (await app.ClientAsync(Role.EthicsOffice)).GetAsync($"/api/accounts?siteId={other.Id}");
        var filtered = await (await app.ClientForUserAsync(manager)).GetAsync($"/api/accounts?status=Pending&siteId={site.Id}");

        var staffIds = (await staffView.ReadAsync<Page<AccountDto>>()).Items.Select(a => a.Id).ToList();
        Assert.Contains(mine.Id, staffIds);
        Assert.DoesNotContain(theirs.Id, staffIds);
        Assert.Equal([theirs.Id], (await ethicsView.ReadAsync<Page<AccountDto>>()).Items.Select(a => a.Id));
        Assert.Equal([pending.Id], (await filtered.ReadAsync<Page<AccountDto>>()).Items.Select(a => a.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForUserAsync(manager)).GetAsync($"/api/accounts/{theirs.Id}")).StatusCode);
    }

    [DbFact]
    public async Task DeactivatingTheManager_FlagsTheirAccountsForReassignment_NamingANewManagerClearsIt()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var successor = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        await principal.PostAsync($"/api/users/{manager.Id}/deactivate", null);

        var flagged = await (await principal.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>();
        Assert.True(flagged.NeedsReassignment);
        var edit = new Dictionary<string, object?>
        {
            ["platform"] = flagged.Platform, ["handle"] = flagged.Handle, ["displayName"] = flagged.DisplayName, ["category"] = flagged.Category,
            ["purpose"] = flagged.Purpose, ["managerUserId"] = successor.Id, ["rowVersion"] = flagged.RowVersion,
        };
        Assert.Equal(HttpStatusCode.NoContent, (await principal.PutJsonAsync($"/api/accounts/{account.Id}", edit)).StatusCode);
        var reassigned = await (await principal.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>();
        Assert.False(reassigned.NeedsReassignment);
        Assert.Equal("Approved", reassigned.Status);
    }
}

public sealed class AccountsApiTests_Sqlite(SqliteApp app) : AccountsApiTests(app), IClassFixture<SqliteApp>;

public sealed class AccountsApiTests_Postgres(PostgresApp app) : AccountsApiTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
