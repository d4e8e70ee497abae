using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Vault;

public abstract class VaultApiTests(StewardApp app)
{
    sealed record Status(bool HasCredential, int? Version, bool RotationDue, string? RotationReason);
    sealed record Revealed(string Username, string Password, string? Notes, int Version);

    async Task<(Account Account, StewardUser Manager, HttpClient ManagerClient)> AccountWithManagerAsync(int? siteId = null)
    {
        siteId ??= (await app.CreateSiteAsync()).Id;
        var manager = await app.CreateUserAsync(Role.Staff, siteId);
        var account = await app.SeedAsync(siteId.Value, manager.Id);
        return (account, manager, await app.TwoFactorClientAsync(manager));
    }

    static object Secret(string password = "Tr0ub4dor&3-vault", string username = "whs_volleyball") =>
        new { username, password, notes = "Recovery email is the athletics office." };

    [DbFact]
    public async Task Store_ThenReveal_ByTheManagerWithTwoFactor_ReturnsTheSecretAndNoStore()
    {
        var (account, _, manager) = await AccountWithManagerAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret())).StatusCode);
        var response = await manager.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { reason = "Posting tonight's match results." });

        var revealed = await response.ReadAsync<Revealed>();
        Assert.Equal("whs_volleyball", revealed.Username);
        Assert.Equal("Tr0ub4dor&3-vault", revealed.Password);
        Assert.Equal("Recovery email is the athletics office.", revealed.Notes);
        Assert.Equal(1, revealed.Version);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var status = await (await manager.GetAsync($"/api/accounts/{account.Id}/credential")).ReadAsync<Status>();
        Assert.True(status.HasCredential);
        Assert.False(status.RotationDue);
    }

    [DbFact]
    public async Task Store_Twice_KeepsBothVersions_HistoryShowsMetadataOnly_RevealGivesTheLatest()
    {
        var (account, manager, client) = await AccountWithManagerAsync();
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret("first-password-1"));
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret("second-password-2"));

        var history = await (await client.GetAsync($"/api/accounts/{account.Id}/credential/history")).JsonAsync();
        var revealed = await (await client.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { reason = "Checking the change." })).ReadAsync<Revealed>();

        Assert.Equal([2, 1], history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(history.EnumerateArray(), v => Assert.Equal(manager.Id, v.GetProperty("createdByUserId").GetInt32()));
        Assert.DoesNotContain("password", history.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("second-password-2", revealed.Password);
        Assert.Equal(2, await app.WithDbAsync(db => db.CredentialVersions.CountAsync(v => v.AccountId == account.Id)));
    }

    [DbFact]
    public async Task Reveal_WithoutTwoFactorSignIn_Returns403()
    {
        var (account, manager, client) = await AccountWithManagerAsync();
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret());
        var passwordOnly = await app.ClientForUserAsync(await app.CreateUserAsync(Role.Principal, account.SiteId));

        var response = await passwordOnly.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { reason = "Need it." });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("two-factor", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        _ = manager;
    }

    [DbFact]
    public async Task Reveal_WithoutReason_Returns400NamingReason()
    {
        var (account, _, client) = await AccountWithManagerAsync();
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret());

        await (await client.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
    }

    [DbFact]
    public async Task Reveal_ByPrincipal_IsAuditedWithTheReason_MarksRotationDue_AndTheAuditHoldsNoSecret()
    {
        var (account, _, manager) = await AccountWithManagerAsync();
        await manager.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret("audit-canary-password"));
        var principal = await app.TwoFactorClientAsync(await app.CreateUserAsync(Role.Principal, account.SiteId));

        var response = await principal.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { reason = "Coach is out sick; posting the schedule." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Credential" && e.EntityId == account.Id.ToString()).ToListAsync());
        var reveal = Assert.Single(events, e => e.Action == "Revealed");
        // The account's credential trail holds its stores beside its reveals.
        Assert.Contains(events, e => e.Action == "Created" && e.Changes.Contains("\"versionNumber\":1", StringComparison.Ordinal));
        Assert.Equal("Coach is out sick; posting the schedule.", reveal.Reason);
        Assert.All(events, e => Assert.DoesNotContain("audit-canary-password", e.Changes, StringComparison.Ordinal));
        var status = await (await manager.GetAsync($"/api/accounts/{account.Id}/credential")).ReadAsync<Status>();
        Assert.True(status.RotationDue);
        var due = await (await principal.GetAsync("/api/credentials/rotation-due")).JsonAsync();
        Assert.Contains(due.EnumerateArray(), d => d.GetProperty("accountId").GetInt32() == account.Id);
    }

    [DbFact]
    public async Task Access_ColleagueGets403_OtherSiteGets404_DeputyMayReveal_EthicsMayNot()
    {
        var (account, _, manager) = await AccountWithManagerAsync();
        await manager.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret());
        var colleague = await app.TwoFactorClientAsync(await app.CreateUserAsync(Role.Staff, account.SiteId));
        var elsewhere = await app.TwoFactorClientAsync(await app.CreateUserAsync(Role.Principal, (await app.CreateSiteAsync()).Id));
        var deputy = await app.TwoFactorClientAsync(await app.CreateUserAsync(Role.DeputySuperintendent));
        var ethics = await app.TwoFactorClientAsync(await app.CreateUserAsync(Role.EthicsOffice));
        var reveal = $"/api/accounts/{account.Id}/credential/reveal";
        var body = new { reason = "Monitoring (Curricular Use)." };

        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostJsonAsync(reveal, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"/api/accounts/{account.Id}/credential")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostJsonAsync(reveal, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await deputy.PostJsonAsync(reveal, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ethics.PostJsonAsync(reveal, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret("hijack-attempt-1"))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CredentialVersions.CountAsync(v => v.AccountId == account.Id)));
    }

    [DbFact]
    public async Task Reveal_AfterAByteOfCiphertextIsFlipped_FailsClearlyAndIsAudited()
    {
        var (account, _, client) = await AccountWithManagerAsync();
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret());
        await app.WithDbAsync(async db =>
        {
            var v = await db.CredentialVersions.SingleAsync(x => x.AccountId == account.Id);
            var bytes = v.Ciphertext.ToArray();
            bytes[20] ^= 0x01;
            v.Ciphertext = bytes;
            await db.SaveChangesAsync();
        });

        var response = await client.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { reason = "Checking." });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("integrity", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tr0ub4dor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "RevealFailed" && e.EntityId == account.Id.ToString())));
    }

    [DbFact]
    public async Task Reveal_AfterTwoAccountsCiphertextsAreSwapped_FailsForBoth()
    {
        var site = await app.CreateSiteAsync();
        var (first, _, client) = await AccountWithManagerAsync(site.Id);
        var second = await app.SeedAsync(site.Id, first.ManagerUserId);
        await client.PutJsonAsync($"/api/accounts/{first.Id}/credential", Secret("first-secret-aaa"));
        await client.PutJsonAsync($"/api/accounts/{second.Id}/credential", Secret("second-secret-bbb"));
        await app.WithDbAsync(async db =>
        {
            var a = await db.CredentialVersions.SingleAsync(x => x.AccountId == first.Id);
            var b = await db.CredentialVersions.SingleAsync(x => x.AccountId == second.Id);
            (a.Ciphertext, b.Ciphertext, a.WrappedKey, b.WrappedKey) = (b.Ciphertext, a.Ciphertext, b.WrappedKey, a.WrappedKey);
            await db.SaveChangesAsync();
        });

        var one = await client.PostJsonAsync($"/api/accounts/{first.Id}/credential/reveal", new { reason = "Checking." });
        var two = await client.PostJsonAsync($"/api/accounts/{second.Id}/credential/reveal", new { reason = "Checking." });

        await one.AssertProblemAsync(HttpStatusCode.Conflict);
        await two.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain("second-secret-bbb", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task CurricularAccount_CannotBeApprovedUntilItsCredentialIsOnFile()
    {
        var site = await app.CreateSiteAsync();
        var teacher = await app.CreateUserAsync(Role.Staff, site.Id);
        var teacherClient = await app.TwoFactorClientAsync(teacher);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var body = RegistryData.Request(site.Id, teacher.Id, category: "Curricular");
        body["principalNotifiedOn"] = "2026-08-20";
        var account = await (await teacherClient.PostJsonAsync("/api/accounts", body)).ReadAsync<AccountDto>();

        var early = await principal.PostAsync($"/api/accounts/{account.Id}/approve", null);
        await early.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await teacherClient.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await principal.PostAsync($"/api/accounts/{account.Id}/approve", null)).StatusCode);
    }

    [DbFact]
    public async Task DeactivatingTheManager_MakesTheCredentialDueForRotation_StoringAgainClearsIt()
    {
        var (account, manager, client) = await AccountWithManagerAsync();
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret());
        var principal = await app.TwoFactorClientAsync(await app.CreateUserAsync(Role.Principal, account.SiteId));

        await principal.PostAsync($"/api/users/{manager.Id}/deactivate", null);

        var status = await (await principal.GetAsync($"/api/accounts/{account.Id}/credential")).ReadAsync<Status>();
        Assert.True(status.RotationDue);
        Assert.Contains("deactivated", status.RotationReason, StringComparison.OrdinalIgnoreCase);
        await principal.PutJsonAsync($"/api/accounts/{account.Id}/credential", Secret("rotated-after-departure"));
        Assert.False((await (await principal.GetAsync($"/api/accounts/{account.Id}/credential")).ReadAsync<Status>()).RotationDue);
    }

    [DbTheory]
    [InlineData("{\"password\":\"x\"}", "username")]
    [InlineData("{\"username\":\"x\"}", "password")]
    [InlineData("{\"username\":5,\"password\":\"x\"}", "username")]
    public async Task Store_BadBody_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var (account, _, client) = await AccountWithManagerAsync();

        await (await client.PutAsync($"/api/accounts/{account.Id}/credential", Http.Raw(json))).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.False(await app.WithDbAsync(db => db.Credentials.AnyAsync(c => c.AccountId == account.Id)));
    }

    [DbFact]
    public async Task StoredSecrets_NeverAppearInTheDatabaseFilesOrTheLogs()
    {
        const string password = "Zq7-canary-vault-pass";
        const string username = "canary_vault_user";
        var (account, _, client) = await AccountWithManagerAsync();
        await client.PutJsonAsync($"/api/accounts/{account.Id}/credential", new { username, password, notes = "canary-vault-notes" });
        await client.PostJsonAsync($"/api/accounts/{account.Id}/credential/reveal", new { reason = "Checking the canary." });

        var haystacks = SecretLeaks.DatabaseBytes(app);
        haystacks.Add(("log", Encoding.UTF8.GetBytes(app.Log.Text)));

        SecretLeaks.AssertAbsent([password, username, "canary-vault-notes"], haystacks);
    }
}

public sealed class VaultApiTests_Sqlite(SqliteApp app) : VaultApiTests(app), IClassFixture<SqliteApp>;

public sealed class VaultApiTests_Postgres(PostgresApp app) : VaultApiTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
