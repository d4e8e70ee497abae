using System.Net;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Steward.Data;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Data;

/// <summary><c>steward backup --out FILE</c>: a consistent, private, self-contained copy of a running SQLite database;
/// bad arguments are refused without touching anything; on PostgreSQL it points to pg_dump.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class BackupCommandTests
{
    static string NewTarget() => Path.Combine(Directory.CreateTempSubdirectory("steward-backup-").FullName, "copy.db");

    static async Task<SqliteApp> StartAsync()
    {
        var app = new SqliteApp();
        await app.InitializeAsync();
        return app;
    }

    static async Task<(int Code, string Output)> BackupAsync(SqliteApp app, params string[] args)
    {
        var output = new StringWriter();
        var code = await BackupCommand.RunAsync(app.Services, ["backup", .. args], output);
        return (code, output.ToString());
    }

    [UnixFact]
    public async Task Backup_OfARunningApp_HoldsWhatWasWrittenThroughTheApi_InOnePrivateFile()
    {
        await using var app = await StartAsync();
        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/sites", new { code = "BKP", name = "Backup High", kind = "School" })).StatusCode);
        var target = NewTarget();

        var (code, output) = await BackupAsync(app, "--out", target);

        Assert.Equal(0, code);
        Assert.Contains("integrity check ok", output, StringComparison.Ordinal);
        Assert.Contains("master key is not in the backup", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.False(File.Exists(target + "-wal"));
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var query = copy.CreateCommand();
        query.CommandText = "SELECT Name FROM Sites WHERE Code = 'BKP'";
        Assert.Equal("Backup High", await query.ExecuteScalarAsync());
        query.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", await query.ExecuteScalarAsync());
    }

    [UnixFact]
    public async Task Backup_ToAnExistingFile_IsRefused_AndTheFileIsUntouched()
    {
        await using var app = await StartAsync();
        var target = NewTarget();
        await File.WriteAllTextAsync(target, "keep me");

        var (code, output) = await BackupAsync(app, "--out", target);

        Assert.Equal(2, code);
        Assert.Contains("exists already", output, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Theory]
    [InlineData(new string[0], "usage: steward backup --out FILE")]
    [InlineData(new[] { "--out" }, "usage: steward backup --out FILE")]
    [InlineData(new[] { "--out", "/nonexistent-folder-for-steward/copy.db" }, "does not exist")]
    public async Task Backup_WithoutAUsableTarget_IsRefusedWithAMessage(string[] args, string message)
    {
        await using var app = await StartAsync();

        var (code, output) = await BackupAsync(app, args);

        Assert.Equal(2, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Backup_OverTheDatabaseItself_IsRefused()
    {
        await using var app = await StartAsync();

        var (code, output) = await BackupAsync(app, "--out", app.DatabasePath);

        Assert.Equal(2, code);
        Assert.Contains("exists already", output, StringComparison.Ordinal);
        Assert.NotEqual(0, new FileInfo(app.DatabasePath).Length);
    }
}

/// <summary>On PostgreSQL the command does not pretend: it names the database's own tools.</summary>
public sealed class BackupCommandTests_Postgres : IRequiresPostgres
{
    [DbFact]
    public async Task Backup_OnPostgres_PointsToPgDump()
    {
        await using var app = new PostgresApp();
        await app.InitializeAsync();
        var output = new StringWriter();

        var code = await BackupCommand.RunAsync(app.Services, ["backup", "--out", Path.Combine(Path.GetTempPath(), "unused.db")], output);

        Assert.Equal(2, code);
        Assert.Contains("pg_dump", output.ToString(), StringComparison.Ordinal);
    }
}
