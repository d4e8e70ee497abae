using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Vault;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Auth;

/// <summary>Two app nodes on one database, as behind a load balancer: what one node issues, the other
/// accepts (data-protection keys live in the database), and what one node ends, the other refuses.</summary>
public abstract class ScaleOutTests(StewardApp first)
{
    /// <summary>Nodes share the vault master key (README), which also seals the sign-in key ring.</summary>
    sealed class SecondNode(string provider, string connectionString, string masterKey) : StewardApp
    {
        protected override string Provider => provider;
        protected override string ConnectionString => connectionString;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Steward:Vault:MasterKey", masterKey)];
    }

    [DbFact]
    public async Task TokenFromOneNode_WorksOnTheOther_AndDeactivationOnOneEndsItOnBoth()
    {
        await using var second = new SecondNode(first.IsPostgres ? "Postgres" : "Sqlite", first.ConnectionStringForOtherNodes,
            first.Services.GetRequiredService<MasterKey>().ToBase64());
        await second.InitializeAsync();
        var site = await first.CreateSiteAsync();
        var user = await first.CreateUserAsync(Role.Staff, site.Id);

        var token = await first.LoginAsync(user.Email!);
        var onSecond = second.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/users/me")).StatusCode);
        // The key ring both nodes read is the database's, not a file on one machine.
        Assert.True(await first.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.DataProtectionKeys)));

        var admin = await second.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{user.Id}/deactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.WithToken(token).GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onSecond.GetAsync("/api/users/me")).StatusCode);
    }
}

public sealed class ScaleOutTests_Sqlite(SqliteApp app) : ScaleOutTests(app), IClassFixture<SqliteApp>;

public sealed class ScaleOutTests_Postgres(PostgresApp app) : ScaleOutTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
