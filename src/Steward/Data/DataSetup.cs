using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Vault;
using Steward.Infrastructure;

namespace Steward.Data;

internal static class DataSetup
{
    public static IServiceCollection AddStewardData(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(StewardOptions.Section).Get<StewardOptions>() ?? new StewardOptions();
        var connection = config.GetConnectionString("Steward");

        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException(
                    "Steward__Database__Provider is Postgres but ConnectionStrings__Steward is not set.");
            services.AddDbContext<StewardDb, PostgresStewardDb>(o => o.UseNpgsql(connection));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connection))
                connection = $"Data Source={Path.Combine(options.ResolveDataDirectory(), options.Database.FileName)}";
            var builder = new SqliteConnectionStringBuilder(connection) { Pooling = true, DefaultTimeout = 30 };
            services.AddDbContext<StewardDb, SqliteStewardDb>(o => o.UseSqlite(builder.ToString()));
        }

        // Keys in the database: every node behind the load balancer reads the same ring, so cookies and
        // bearer tokens minted by one node are accepted by all. Sealed under the vault master key, which
        // every node shares: the database alone mints no session.
        services.AddDataProtection().SetApplicationName("Steward").PersistKeysToDbContext<StewardDb>().ProtectKeysWithVaultMasterKey();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Creates and migrates the database on start (SQLite in WAL mode).</summary>
    public static async Task MigrateStewardDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        if (db.Database.IsSqlite())
        {
            var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var path = connection.DataSource;
            var inFile = connection.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(path) && path != ":memory:";
            if (inFile)
            {
                path = Path.GetFullPath(path);
                var dir = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(dir)) PrivateFiles.CreateDirectory(dir);
                // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the same mode.
                PrivateFiles.CreateFile(path);
            }
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            if (inFile)
            {
                // A database created before the files were kept private is tightened on start.
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    if (!PrivateFiles.Restrict(file))
                        services.GetRequiredService<ILoggerFactory>().CreateLogger("Steward.Data").LogWarning(
                            "{File} belongs to another user and stays readable by others: make it mode 0600.", file);
                }
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }
}

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(StewardDb db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.");
}
