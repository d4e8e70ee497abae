using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;

namespace Steward.Features.Vault;

/// <summary><c>steward vault rotate-master-key [--out FILE]</c>: re-wraps every data key under a new
/// master key in one transaction. No secret is written anywhere in plain text.</summary>
internal static class VaultCommand
{
    public static bool Handles(string[] args) => args is ["vault", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not ["vault", "rotate-master-key", ..])
        {
            await output.WriteLineAsync("usage: steward vault rotate-master-key [--out FILE]");
            return 2;
        }
        var outIndex = Array.IndexOf(args, "--out");
        var outFile = outIndex > 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        var options = services.GetRequiredService<IOptions<VaultOptions>>().Value;
        var steward = services.GetRequiredService<IOptions<Infrastructure.StewardOptions>>().Value;
        var config = services.GetRequiredService<IConfiguration>();
        var keyFile = !string.IsNullOrWhiteSpace(options.MasterKey) ? outFile
            : outFile ?? (string.IsNullOrWhiteSpace(options.MasterKeyFile) ? MasterKey.DefaultFile(config, steward) : options.MasterKeyFile);
        if (keyFile is null)
        {
            await output.WriteLineAsync("The master key comes from Steward__Vault__MasterKey: give --out FILE for the new key, then set the variable to it.");
            return 2;
        }

        var (rewrapped, newKey) = await RotateAsync(services, keyFile);
        await output.WriteLineAsync($"Re-wrapped {rewrapped} secrets (credential versions and protected contacts) and the sign-in key ring under master key {newKey.KeyId}; the new key is in {keyFile}.");
        if (!string.IsNullOrWhiteSpace(options.MasterKey))
            await output.WriteLineAsync("Set Steward__Vault__MasterKey to the contents of that file before the next start.");
        return 0;
    }

    /// <summary>The new key is written beside the old one first (FILE.new), the database re-wrapped in one
    /// transaction (with the sign-in key ring), then the new file replaces the old: a crash never leaves data under a lost key.</summary>
    public static async Task<(int Count, MasterKey Key)> RotateAsync(IServiceProvider services, string keyFile, CancellationToken ct = default)
    {
        var current = services.GetRequiredService<MasterKey>();
        var next = MasterKey.Generate();
        var pending = keyFile + ".new";
        MasterKey.WriteKeyFile(pending, next);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        db.SystemActor = "vault rotate-master-key";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var versions = await db.Set<CredentialVersion>().ToListAsync(ct);
        foreach (var v in versions)
        {
            var rewrapped = VaultCrypto.Rewrap(current, next, v.AccountId, v.VersionNumber, new SealedSecret(v.KeyId, v.WrappedKey, v.Ciphertext));
            v.KeyId = rewrapped.KeyId;
            v.WrappedKey = rewrapped.WrappedKey;
            v.Ciphertext = rewrapped.Ciphertext;
        }
        // Staff and officials' protected home contacts are sealed the same way (Privacy §5, §6).
        var contacts = await db.Set<Compliance.ProtectedContact>().ToListAsync(ct);
        foreach (var c in contacts)
        {
            var rewrapped = VaultCrypto.Rewrap(current, next, c.SealSubject, new SealedSecret(c.KeyId, c.WrappedKey, c.Ciphertext));
            c.KeyId = rewrapped.KeyId;
            c.WrappedKey = rewrapped.WrappedKey;
            c.Ciphertext = rewrapped.Ciphertext;
        }
        // The sign-in key ring is sealed under the master key too: re-sealed here, so sessions survive rotation.
        var ring = await db.DataProtectionKeys.ToListAsync(ct);
        foreach (var k in ring)
        {
            if (k.Xml is not null && KeyRingEncryption.Reseal(k.Xml, current, next) is { } resealed) k.Xml = resealed;
        }
        db.RecordAudit("MasterKeyRotated", "Vault", next.KeyId, null, new System.Text.Json.Nodes.JsonObject
        {
            ["from"] = current.KeyId, ["to"] = next.KeyId, ["versions"] = versions.Count, ["protectedContacts"] = contacts.Count,
            ["signInKeys"] = ring.Count,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        File.Move(pending, keyFile, overwrite: true);
        return (versions.Count + contacts.Count, next);
    }
}
