using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Steward.Data;

public sealed class SqliteStewardDb : StewardDb
{
    public SqliteStewardDb(DbContextOptions<SqliteStewardDb> options) : base(options, null) { }

    public SqliteStewardDb(DbContextOptions<SqliteStewardDb> options, IHttpContextAccessor http) : base(options, http) { }

    // SQLite takes one writer at a time and our transaction writes before it reads the head, so the
    // write lock is already ours.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite stores text and reads it back as Unspecified: every DateTime here is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class PostgresStewardDb : StewardDb
{
    public PostgresStewardDb(DbContextOptions<PostgresStewardDb> options) : base(options, null) { }

    public PostgresStewardDb(DbContextOptions<PostgresStewardDb> options, IHttpContextAccessor http) : base(options, http) { }

    // A transaction-scoped advisory lock: appends from every node queue here, released at commit.
    protected override async Task LockAuditChainAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7270001)", ct);
}

/// <summary>Design-time factories for `dotnet ef migrations add`; never used at run time.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteStewardDb>
{
    public SqliteStewardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStewardDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresStewardDb>
{
    public PostgresStewardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStewardDb>().UseNpgsql("Host=localhost;Database=steward_design").Options);
}
