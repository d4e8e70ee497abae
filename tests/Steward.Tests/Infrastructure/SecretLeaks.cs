using System.Diagnostics;
using System.Text;

namespace Steward.Tests.Infrastructure;

/// <summary>
/// Looks for secrets where they must never be: the database's files (SQLite file, WAL and shm) or a pg_dump of
/// it, the captured log, answers. Secrets are searched in UTF-8 and UTF-16.
/// </summary>
internal static class SecretLeaks
{
    /// <summary>The database as bytes: the SQLite file with its WAL and shm, or a data-only pg_dump.</summary>
    public static List<(string Name, byte[] Bytes)> DatabaseBytes(StewardApp app)
    {
        var haystacks = new List<(string Name, byte[] Bytes)>();
        if (app is SqliteApp sqlite)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(sqlite.DatabasePath + suffix))
                    haystacks.Add((sqlite.DatabasePath + suffix, ReadShared(sqlite.DatabasePath + suffix)));
            }

            Assert.True(haystacks.Count >= 1, "the SQLite file was not found");
        }
        else
        {
            haystacks.Add(("pg_dump", PgDump(app.ConnectionStringForOtherNodes)));
        }

        return haystacks;
    }

    public static void AssertAbsent(IEnumerable<string> secrets, IReadOnlyList<(string Name, byte[] Bytes)> haystacks)
    {
        foreach (var secret in secrets)
        {
            foreach (var (name, bytes) in haystacks)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} found (UTF-8) in {name}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"{secret} found (UTF-16) in {name}");
            }
        }
    }

    static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    static byte[] PgDump(string connectionString)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var bin = Environment.GetEnvironmentVariable("STEWARD_PG_BIN") ?? "/usr/lib/postgresql/15/bin";
        var start = new ProcessStartInfo(Path.Combine(bin, "pg_dump"), ["-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", cs.Username!, "-d", cs.Database!, "--data-only"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        using var memory = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(memory);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        Assert.True(memory.Length > 1000, "pg_dump produced almost nothing");
        return memory.ToArray();
    }
}
