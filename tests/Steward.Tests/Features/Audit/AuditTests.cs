using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Audit;

public abstract class AuditTests(StewardApp app)
{
    sealed record Verification(bool Valid, long Count, long? FirstInvalidId, string? Problem);

    [DbFact]
    public async Task Verify_AfterNormalUse_IsValid()
    {
        var admin = await app.AdminAsync();
        await admin.PostJsonAsync("/api/sites", new { code = app.Unique("V"), name = "Verify High", kind = "School" });
        await app.CreateUserAsync(Role.EthicsOffice);

        var result = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<Verification>();

        Assert.True(result.Valid, result.Problem);
        Assert.True(result.Count >= 3);
        Assert.Null(result.FirstInvalidId);
    }

    [DbFact]
    public async Task List_FiltersByEntityAndActor_NewestFirst()
    {
        var admin = await app.AdminAsync();
        var me = await (await admin.GetAsync("/api/users/me")).ReadAsync<UserDto>();
        var site = await (await admin.PostJsonAsync("/api/sites", new { code = app.Unique("F"), name = "Filter High", kind = "School" })).ReadAsync<SiteDto>();
        await admin.PutJsonAsync($"/api/sites/{site.Id}", new { site.Code, name = "Filter High Renamed", kind = "School" });

        var page = await (await admin.GetAsync($"/api/audit?entityType=Site&entityId={site.Id}&actorUserId={me.Id}")).JsonAsync();

        var items = page.GetProperty("items");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("Updated", items[0].GetProperty("action").GetString());
        Assert.Equal("Created", items[1].GetProperty("action").GetString());
        var name = items[0].GetProperty("changes").GetProperty("name");
        Assert.Equal("Filter High", name.GetProperty("old").GetString());
        Assert.Equal("Filter High Renamed", name.GetProperty("new").GetString());
        Assert.Equal(me.Id, items[0].GetProperty("actorUserId").GetInt32());
    }

    [DbFact]
    public async Task Verify_AfterAnEventIsEditedInTheDatabase_ReportsThatEvent()
    {
        var admin = await app.AdminAsync();
        var site = await (await admin.PostJsonAsync("/api/sites", new { code = app.Unique("E"), name = "Edited High", kind = "School" })).ReadAsync<SiteDto>();
        await admin.PostJsonAsync("/api/sites", new { code = app.Unique("E"), name = "Later High", kind = "School" });
        var target = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.EntityType == "Site" && e.EntityId == site.Id.ToString()));

        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == target.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, e => e.Changes.Replace("Edited High", "Innocent High"))));

        var result = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<Verification>();
        Assert.False(result.Valid);
        Assert.Equal(target.Id, result.FirstInvalidId);
        await RepairAsync();
    }

    [DbFact]
    public async Task Verify_AfterAnEventIsDeletedInTheDatabase_ReportsTheGap()
    {
        var admin = await app.AdminAsync();
        var site = await (await admin.PostJsonAsync("/api/sites", new { code = app.Unique("D"), name = "Deleted High", kind = "School" })).ReadAsync<SiteDto>();
        await admin.PostJsonAsync("/api/sites", new { code = app.Unique("D"), name = "Next High", kind = "School" });
        var target = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.EntityType == "Site" && e.EntityId == site.Id.ToString()));
        var next = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Sequence > target.Sequence).OrderBy(e => e.Sequence).FirstAsync());

        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == target.Id).ExecuteDeleteAsync());

        var result = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<Verification>();
        Assert.False(result.Valid);
        Assert.Equal(next.Id, result.FirstInvalidId);
        await RepairAsync();
    }

    [DbFact]
    public async Task Verify_AfterTheLastEventsAreDeleted_ReportsTheMissingTail()
    {
        var admin = await app.AdminAsync();
        await admin.PostJsonAsync("/api/sites", new { code = app.Unique("T"), name = "Tail High", kind = "School" });
        var last = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence));

        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Sequence == last).ExecuteDeleteAsync());

        var result = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<Verification>();
        Assert.False(result.Valid);
        Assert.Contains("deleted", result.Problem, StringComparison.OrdinalIgnoreCase);
        await RepairAsync();
    }

    [DbFact]
    public async Task Events_NeverContainPasswordsOrSecurityStamps()
    {
        var admin = await app.AdminAsync();
        const string password = "unmistakable-secret-phrase-42";
        var created = await (await admin.PostJsonAsync("/api/users", new { email = app.Unique("s") + "@test.example", fullName = "Secret Keeper", title = "Clerk", password }))
            .ReadAsync<UserDto>();
        await admin.PutJsonAsync($"/api/users/{created.Id}/password", new { password = password + "-2" });

        var all = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "StewardUser" && e.EntityId == created.Id.ToString()).ToListAsync());
        var hash = await app.WithDbAsync(async db => (await db.Users.FindAsync(created.Id))!.PasswordHash!);

        Assert.NotEmpty(all);
        foreach (var e in all)
        {
            Assert.DoesNotContain(password, e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, e.Changes, StringComparison.Ordinal);
        }
        var changes = JsonDocument.Parse(all.First(e => e.Action == "Created").Changes).RootElement;
        Assert.Equal("[redacted]", changes.GetProperty("passwordHash").GetString());
        Assert.Equal("[redacted]", changes.GetProperty("securityStamp").GetString());
    }

    [DbFact]
    public async Task List_ByPrincipal_Returns403()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await principal.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await principal.GetAsync("/api/audit/verify")).StatusCode);
    }

    [DbFact]
    public async Task ConcurrentWrites_KeepOneUnbrokenChain()
    {
        var admin = await app.AdminAsync();
        var writes = Enumerable.Range(0, 12).Select(i =>
            admin.PostJsonAsync("/api/sites", new { code = app.Unique("P"), name = $"Parallel {i}", kind = "School" }));

        var responses = await Task.WhenAll(writes);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var result = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<Verification>();
        Assert.True(result.Valid, result.Problem);
    }

    /// <summary>Tests share a database: after tampering, rebuild a valid chain so the others can verify.</summary>
    Task RepairAsync() => app.WithDbAsync(async db =>
    {
        await db.AuditEvents.ExecuteDeleteAsync();
        await db.AuditHeads.ExecuteDeleteAsync();
    });
}

public sealed class AuditTests_Sqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTests_Postgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
