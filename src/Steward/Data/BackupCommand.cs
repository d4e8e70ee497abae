using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Steward.Infrastructure;

namespace Steward.Data;

/// <summary>
/// <c>steward backup --out FILE</c>: a consistent copy of the SQLite database while Steward runs (SQLite's online
/// backup), as one self-contained file readable by its owner only, checked with <c>PRAGMA integrity_check</c>.
/// It runs before any migration, so a backup taken with a newer version before an upgrade holds the old schema.
/// On PostgreSQL the database's own tools (<c>pg_dump</c>) do this; the command says so.
/// </summary>
internal static class BackupCommand
{
    public static bool Handles(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var outIndex = Array.IndexOf(args, "--out");
        var target = outIndex > 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        if (string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync("usage: steward backup --out FILE   (FILE must not exist yet)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("Steward runs on PostgreSQL here: back it up with PostgreSQL's own tools, e.g. "
                + "pg_dump --format=custom --file=steward.dump DBNAME, and restore with pg_restore.");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var sourcePath = Path.GetFullPath(source.DataSource);
        if (source.Mode == SqliteOpenMode.Memory || !File.Exists(sourcePath))
        {
            await output.WriteLineAsync($"There is no database at {sourcePath} to back up.");
            return 2;
        }

        target = Path.GetFullPath(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists already: name a new file (a backup never overwrites one).");
            return 2;
        }

        if (target == sourcePath)
        {
            await output.WriteLineAsync("The backup must go to another file than the database itself.");
            return 2;
        }

        var folder = Path.GetDirectoryName(target);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            await output.WriteLineAsync($"The folder {folder} does not exist.");
            return 2;
        }

        // Created 0600 before SQLite writes to it: the copy holds the same sealed secrets and sessions as the database.
        PrivateFiles.CreateFile(target);
        try
        {
            await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourcePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
                // One self-contained file (the live database runs in WAL mode), checked page by page.
                await Scalar(to, "PRAGMA journal_mode=DELETE;", ct);
                var check = await Scalar(to, "PRAGMA integrity_check;", ct);
                if (!string.Equals(check, "ok", StringComparison.Ordinal))
                    throw new InvalidOperationException($"the copy failed SQLite's integrity check: {check}");
            }

            await output.WriteLineAsync($"Backed up {sourcePath} to {target} ({new FileInfo(target).Length:N0} bytes; integrity check ok).");
            await output.WriteLineAsync("The vault master key is not in the backup: keep the key file (or Steward__Vault__MasterKey) safe "
                + "on its own. Without it the credentials and the sign-in key ring in the backup cannot be opened.");
            return 0;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            File.Delete(target);
            await output.WriteLineAsync($"The backup failed and was removed: {e.Message}");
            return 1;
        }
    }

    static async Task<string?> Scalar(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }
}
