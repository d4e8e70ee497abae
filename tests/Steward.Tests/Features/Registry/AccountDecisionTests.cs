using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Registry;

/// <summary>Who decides on an account request, and who may run an account: findings of the security audit.</summary>
public abstract class AccountDecisionTests(StewardApp app)
{
    [DbFact]
    public async Task Principal_WhoEditedAStaffRequestWhilePending_CannotApproveIt_409_AnotherLeadCan()
    {
        var site = await app.CreateSiteAsync();
        var (staff, staffClient) = await app.StaffAsync(site.Id);
        var requested = await (await staffClient.PostJsonAsync("/api/accounts", RegistryData.Request(site.Id, staff.Id))).ReadAsync<AccountDto>();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var edit = RegistryData.Request(site.Id, staff.Id, handle: requested.Handle);
        edit["purpose"] = "Whatever the principal wants it to be.";
        edit["rowVersion"] = requested.RowVersion;
        Assert.True((await principal.PutJsonAsync($"/api/accounts/{requested.Id}", edit)).IsSuccessStatusCode);

        var approve = await principal.PostAsync($"/api/accounts/{requested.Id}/approve", null);

        await approve.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(AccountStatus.Pending, await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == requested.Id).Select(a => a.Status).SingleAsync()));
        var designee = await app.ClientAsync(Role.SiteDesignee, site.Id);
        Assert.True((await designee.PostAsync($"/api/accounts/{requested.Id}/approve", null)).IsSuccessStatusCode);
    }

    [DbTheory]
    [InlineData(Role.EthicsOffice)]
    [InlineData(Role.SocialMediaAdmin)]
    [InlineData(Role.DeputySuperintendent)]
    public async Task Manager_NamesADistrictRoleUserAsBackup_Returns400_AndTheyNeverKeepTheCredential(Role role)
    {
        var site = await app.CreateSiteAsync();
        var (manager, managerClient) = await app.StaffAsync(site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id);
        var district = await app.CreateUserAsync(role);
        var read = await (await managerClient.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<AccountDto>();
        var edit = RegistryData.Request(site.Id, manager.Id, handle: read.Handle, category: read.Category);
        edit["displayName"] = read.DisplayName;
        edit["purpose"] = read.Purpose;
        edit["backupManagerUserId"] = district.Id;
        edit["rowVersion"] = read.RowVersion;

        var response = await managerClient.PutJsonAsync($"/api/accounts/{account.Id}", edit);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "backupManagerUserId");
        Assert.Null(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.BackupManagerUserId).SingleAsync()));
        // Named directly in the database (data from before this rule): still not a keeper of the credential.
        await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.BackupManagerUserId, district.Id)));
        Assert.Equal(HttpStatusCode.NoContent,
            (await managerClient.PutJsonAsync($"/api/accounts/{account.Id}/credential", new { username = "whs_club", password = "s3cret-Passw0rd!" })).StatusCode);
        var districtClient = await app.ClientForUserAsync(district);
        var store = await districtClient.PutJsonAsync($"/api/accounts/{account.Id}/credential", new { username = "mine", password = "another-Passw0rd!" });
        Assert.Equal(HttpStatusCode.Forbidden, store.StatusCode);
    }
}

public sealed class AccountDecisionTests_Sqlite(SqliteApp app) : AccountDecisionTests(app), IClassFixture<SqliteApp>;

public sealed class AccountDecisionTests_Postgres(PostgresApp app) : AccountDecisionTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
