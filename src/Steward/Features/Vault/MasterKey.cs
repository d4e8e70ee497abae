using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Steward.Infrastructure;

namespace Steward.Features.Vault;

/// <summary>The master key-encryption key. Its id (a hash prefix) is stored with every wrapped data key,
/// so a wrong key is recognised at start rather than producing garbage or an empty vault.</summary>
public sealed class MasterKey
{
    public MasterKey(byte[] key)
    {
        if (key.Length != 32) throw new InvalidOperationException("The vault master key must be 32 bytes (base64 of 32 random bytes).");
        Key = key;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    public byte[] Key { get; }
    public string KeyId { get; }

    public static MasterKey Generate() => new(RandomNumberGenerator.GetBytes(32));

    public string ToBase64() => Convert.ToBase64String(Key);

    public static MasterKey Parse(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The vault master key in {source} is not base64.");
        }
        if (bytes.Length != 32) throw new InvalidOperationException($"The vault master key in {source} is {bytes.Length} bytes; it must be 32.");
        return new MasterKey(bytes);
    }

    /// <summary>Reads the key from configuration or its file, generating the file (mode 0600) on first start.</summary>
    public static MasterKey Load(VaultOptions options, string defaultFile)
    {
        if (!string.IsNullOrWhiteSpace(options.MasterKey)) return Parse(options.MasterKey, "Steward__Vault__MasterKey");
        var file = string.IsNullOrWhiteSpace(options.MasterKeyFile) ? defaultFile : options.MasterKeyFile;
        if (File.Exists(file)) return Parse(File.ReadAllText(file), file);
        if (!string.IsNullOrWhiteSpace(options.MasterKeyFile))
            throw new InvalidOperationException($"Steward__Vault__MasterKeyFile names {file}, which does not exist.");
        var key = Generate();
        WriteKeyFile(file, key);
        return key;
    }

    /// <summary>Writes a key file readable by its owner only, atomically.</summary>
    public static void WriteKeyFile(string file, MasterKey key)
    {
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temp = file + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(key.ToBase64());
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>The default key file: next to the SQLite database, else in the data folder.</summary>
    public static string DefaultFile(IConfiguration config, StewardOptions options)
    {
        var connection = config.GetConnectionString("Steward");
        if (options.Database.Provider == DatabaseProvider.Sqlite && !string.IsNullOrWhiteSpace(connection))
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource));
            if (!string.IsNullOrEmpty(dir)) return Path.Combine(dir, "vault.key");
        }
        return Path.Combine(options.ResolveDataDirectory(), "vault.key");
    }
}
