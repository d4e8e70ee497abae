using Microsoft.EntityFrameworkCore;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Data;

public abstract class DatabaseTests(StewardApp app)
{
    [DbFact]
    public async Task Migrations_AreAppliedAndMatchTheModel()
    {
        var (pending, applied, changes) = await app.WithDbAsync(async db =>
            ((await db.Database.GetPendingMigrationsAsync()).ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList(),
                db.Database.HasPendingModelChanges()));

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.False(changes, "The model has changes that no migration captures: add a migration for both providers.");
    }

    [DbFact]
    public async Task Times_ComeBackAsUtc()
    {
        var site = await app.CreateSiteAsync();

        var created = await app.WithDbAsync(async db => (await db.Sites.AsNoTracking().SingleAsync(s => s.Id == site.Id)).CreatedAt);

        Assert.Equal(DateTimeKind.Utc, created.Kind);
        Assert.InRange(created, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }
}

public sealed class DatabaseTests_Sqlite(SqliteApp app) : DatabaseTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Sqlite_RunsInWalModeInTheConfiguredFile()
    {
        var mode = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
        Assert.True(File.Exists(app.DatabasePath));
    }
}

public sealed class DatabaseTests_Postgres(PostgresApp app) : DatabaseTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
