using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Features.Vault;

/// <summary>The stored form of one secret: which master key wrapped its data key, the wrapped key, and
/// the ciphertext. Both blobs are nonce (12) + ciphertext + tag (16).</summary>
public sealed record SealedSecret(string KeyId, byte[] WrappedKey, byte[] Ciphertext);

/// <summary>A stored secret that fails its integrity check: tampered with, moved to another row, or
/// wrapped by another master key. Never returns wrong data.</summary>
public sealed class VaultIntegrityException(string message) : Exception(message);

/// <summary>Envelope encryption: each secret under its own random AES-256-GCM data key, the data key
/// wrapped by the master key. The account, version and key id are associated data of both layers, so a
/// ciphertext copied to another row, or another version, does not decrypt.</summary>
public static class VaultCrypto
{
    const int NonceSize = 12, TagSize = 16, KeySize = 32;

    public static SealedSecret Seal(MasterKey master, int accountId, int version, ReadOnlySpan<byte> plaintext) =>
        Seal(master, AccountSubject(accountId, version), plaintext);

    public static byte[] Open(MasterKey master, int accountId, int version, SealedSecret secret) =>
        Open(master, AccountSubject(accountId, version), secret);

    /// <summary>Seals a secret bound to <paramref name="subject"/> (e.g. "protected-contact:{id}"): the
    /// subject is associated data of both layers, like an account and version are for credentials.</summary>
    public static SealedSecret Seal(MasterKey master, string subject, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> dataKey = stackalloc byte[KeySize];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            var ciphertext = Encrypt(dataKey, plaintext, Context("secret", subject, master.KeyId));
            var wrapped = Encrypt(master.Key, dataKey, Context("data-key", subject, master.KeyId));
            return new SealedSecret(master.KeyId, wrapped, ciphertext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public static byte[] Open(MasterKey master, string subject, SealedSecret secret)
    {
        if (secret.KeyId != master.KeyId)
            throw new VaultIntegrityException($"The secret was wrapped by master key {secret.KeyId}, not the configured {master.KeyId}.");
        var dataKey = Decrypt(master.Key, secret.WrappedKey, Context("data-key", subject, secret.KeyId));
        try
        {
            return Decrypt(dataKey, secret.Ciphertext, Context("secret", subject, secret.KeyId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Re-wraps the data key under a new master key; the secret itself is never decrypted.</summary>
    public static SealedSecret Rewrap(MasterKey from, MasterKey to, int accountId, int version, SealedSecret secret) =>
        Rewrap(from, to, AccountSubject(accountId, version), secret);

    public static SealedSecret Rewrap(MasterKey from, MasterKey to, string subject, SealedSecret secret)
    {
        if (secret.KeyId != from.KeyId)
            throw new VaultIntegrityException($"The secret was wrapped by master key {secret.KeyId}, not {from.KeyId}.");
        var dataKey = Decrypt(from.Key, secret.WrappedKey, Context("data-key", subject, from.KeyId));
        try
        {
            // The secret's associated data names the key id too: re-encrypt it under the same data key.
            var plaintext = Decrypt(dataKey, secret.Ciphertext, Context("secret", subject, from.KeyId));
            try
            {
                return new SealedSecret(to.KeyId, Encrypt(to.Key, dataKey, Context("data-key", subject, to.KeyId)),
                    Encrypt(dataKey, plaintext, Context("secret", subject, to.KeyId)));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // Credentials keep the subject format they were first sealed with, so stored data still opens.
    static string AccountSubject(int accountId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"account:{accountId}/version:{version}");

    static byte[] Context(string layer, string subject, string keyId) =>
        Encoding.UTF8.GetBytes($"steward-vault/v1/{layer}/{subject}/key:{keyId}");

    static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, byte[] associated)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associated);
        return output;
    }

    static byte[] Decrypt(ReadOnlySpan<byte> key, byte[] sealedBytes, byte[] associated)
    {
        if (sealedBytes.Length < NonceSize + TagSize) throw new VaultIntegrityException("The stored credential is truncated.");
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plaintext, associated);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new VaultIntegrityException("The stored credential failed its integrity check: it was altered, moved from another account, or wrapped by another key.");
        }
    }
}
