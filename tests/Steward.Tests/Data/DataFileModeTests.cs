using System.Runtime.Versioning;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Data;

/// <summary>The SQLite database (with its -wal and -shm) holds sessions' key ring and sealed secrets: it is
/// kept as private as vault.key, and a data folder Steward creates is its user's only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests
{
    const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    sealed class AppIn(string databasePath) : StewardApp
    {
        protected override string Provider => "Sqlite";
        protected override string ConnectionString => $"Data Source={databasePath}";
    }

    sealed class FolderApp(string dataDirectory) : StewardApp
    {
        protected override string Provider => "Sqlite";
        protected override string ConnectionString => "";
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Steward:DataDirectory", dataDirectory)];
    }


    [UnixFact]
    public async Task NewDatabase_InAFolderStewardCreates_Is0600_WithItsWalAndShm_AndTheFolderIs0700()
    {
        var root = Directory.CreateTempSubdirectory("steward-modes-").FullName;
        try
        {
            var folder = Path.Combine(root, "new", "data");
            var database = Path.Combine(folder, "steward.db");
            await using var app = new AppIn(database);
            await app.InitializeAsync();
            await app.CreateSiteAsync(); // a write: the -wal and -shm files exist while the pool holds a connection

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
            }
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(folder, "vault.key")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [UnixFact]
    public async Task DefaultDataFolder_CreatedByStewardIs0700()
    {
        var root = Directory.CreateTempSubdirectory("steward-modes-").FullName;
        try
        {
            var folder = Path.Combine(root, "steward");
            await using var app = new FolderApp(folder);
            await app.InitializeAsync();

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(folder, "steward.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [UnixFact]
    public async Task ExistingDatabaseReadableByOthers_IsTightenedTo0600OnStart_ItsFolderKeepsItsMode()
    {
        var root = Directory.CreateTempSubdirectory("steward-modes-").FullName;
        try
        {
            const UnixFileMode shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(root, shared);
            var database = Path.Combine(root, "steward.db");
            await File.WriteAllBytesAsync(database, []);
            File.SetUnixFileMode(database, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            await using var app = new AppIn(database);
            await app.InitializeAsync();

            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(database));
            Assert.Equal(shared, File.GetUnixFileMode(root)); // an administrator's own folder is left alone
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>A fact about Unix file modes: skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file modes do not exist on Windows.";
    }
}
