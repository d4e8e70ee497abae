using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Steward.Features.Vault;

/// <summary>The data-protection key ring (sign-in cookies, bearer tokens, antiforgery) lives in the
/// database; its keys are sealed at rest under a key derived from the vault master key, which every node
/// shares. Whoever reads the database alone can neither mint a session nor read the ring.</summary>
public static class KeyRingEncryption
{
    // Data protection's own XML vocabulary (XmlConstants in Microsoft.AspNetCore.DataProtection).
    static readonly XNamespace DataProtectionNs = "http://schemas.asp.net/2015/03/dataProtection";
    static readonly XName EncryptedSecret = DataProtectionNs + "encryptedSecret";
    static readonly XName RequiresEncryption = DataProtectionNs + "requiresEncryption";
    const string DecryptorTypeAttribute = "decryptorType";

    internal static readonly XName SealedElement = "stewardSealedKey";
    const string MasterKeyIdAttribute = "masterKeyId";
    const int NonceSize = 12, TagSize = 16;

    /// <summary>Registers the encryptor; the decryptor is found by the type name stored with each key.</summary>
    public static IDataProtectionBuilder ProtectKeysWithVaultMasterKey(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingXmlEncryptor(services.GetRequiredService<MasterKey>())));
        return builder;
    }

    public static XElement Seal(MasterKey master, XElement plaintext)
    {
        var bytes = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        try
        {
            var output = new byte[NonceSize + bytes.Length + TagSize];
            var nonce = output.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(DeriveKey(master), TagSize);
            aes.Encrypt(nonce, bytes, output.AsSpan(NonceSize, bytes.Length), output.AsSpan(NonceSize + bytes.Length), Associated(master.KeyId));
            return new XElement(SealedElement, new XAttribute(MasterKeyIdAttribute, master.KeyId), Convert.ToBase64String(output));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static XElement Open(MasterKey master, XElement sealedElement)
    {
        var keyId = MasterKeyIdOf(sealedElement);
        if (keyId != master.KeyId)
            throw new CryptographicException(
                $"The sign-in key ring was encrypted with vault master key {keyId}, not the configured {master.KeyId}.");
        var input = Convert.FromBase64String(sealedElement.Value);
        if (input.Length < NonceSize + TagSize) throw new CryptographicException("A sealed sign-in key is truncated.");
        var length = input.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(DeriveKey(master), TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plaintext, Associated(keyId));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The master key ids a stored key's XML is sealed under (none for a key stored in plain XML
    /// before this encryption existed).</summary>
    public static IEnumerable<string> MasterKeyIds(string keyXml) =>
        XElement.Parse(keyXml).Descendants(SealedElement).Select(MasterKeyIdOf);

    /// <summary>Seals a stored key under <paramref name="to"/>: elements data protection marked as
    /// needing encryption but stored in plain XML (keys written before this encryption) are sealed, and
    /// elements sealed under <paramref name="from"/> are re-sealed. Null when nothing changes.</summary>
    public static string? Reseal(string keyXml, MasterKey? from, MasterKey to)
    {
        var root = XElement.Parse(keyXml);
        var changed = false;
        foreach (var secret in root.Descendants(EncryptedSecret).ToList())
        {
            var sealedElement = secret.Elements(SealedElement).SingleOrDefault();
            if (sealedElement is null || MasterKeyIdOf(sealedElement) == to.KeyId) continue;
            if (from is null)
                throw new CryptographicException($"A sign-in key is sealed under vault master key {MasterKeyIdOf(sealedElement)}, not {to.KeyId}.");
            sealedElement.ReplaceWith(Seal(to, Open(from, sealedElement)));
            changed = true;
        }
        foreach (var plain in root.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
        {
            plain.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute(DecryptorTypeAttribute, typeof(KeyRingXmlDecryptor).AssemblyQualifiedName!), Seal(to, plain)));
            changed = true;
        }
        return changed ? root.ToString(SaveOptions.DisableFormatting) : null;
    }

    static string MasterKeyIdOf(XElement sealedElement) =>
        (string?)sealedElement.Attribute(MasterKeyIdAttribute) ?? throw new CryptographicException("A sealed sign-in key names no master key.");

    // A key of its own for the key ring (HKDF with a purpose label): the master key itself only wraps vault data keys.
    static byte[] DeriveKey(MasterKey master) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master.Key, 32, salt: [], info: "steward/v1/data-protection-key-ring"u8.ToArray());

    static byte[] Associated(string keyId) => Encoding.UTF8.GetBytes($"steward-key-ring/v1/key:{keyId}");
}

/// <summary>Seals each key data protection writes (its <c>masterKey</c> element) under the vault master key.</summary>
public sealed class KeyRingXmlEncryptor(MasterKey master) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingEncryption.Seal(master, plaintextElement), typeof(KeyRingXmlDecryptor));
}

/// <summary>Created by data protection's activator from the type name stored with each key: keep this
/// type's name and namespace, or stored keys no longer open.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryption.Open(services.GetRequiredService<MasterKey>(), encryptedElement);
}
