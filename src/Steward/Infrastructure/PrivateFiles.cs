namespace Steward.Infrastructure;

/// <summary>The data folder and the files in it hold secrets (the database with its sessions, the vault
/// key): readable by the app's own user only, whatever the process umask.</summary>
internal static class PrivateFiles
{
    const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>Creates a missing folder (and missing parents) with mode 0700; an existing one keeps its mode.</summary>
    public static void CreateDirectory(string dir)
    {
        if (Directory.Exists(dir)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, OwnerOnlyDirectory);
    }

    /// <summary>Creates an empty file with mode 0600 unless it exists; SQLite takes an empty file as a new
    /// database, and creates its -wal and -shm files with the database file's mode.</summary>
    public static void CreateFile(string path)
    {
        if (File.Exists(path)) return;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // another node or process created it first
        }
    }

    /// <summary>Takes group and other permissions away from an existing file (0600). False when the file
    /// belongs to someone else and its mode cannot be changed.</summary>
    public static bool Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return true;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~OwnerOnlyDirectory) != 0) File.SetUnixFileMode(path, mode & OwnerOnlyFile);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
