using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Steward.Features.Vault;

namespace Steward.Vault.Bench;

/// <summary>The vault's crypto per operation on a typical credential (~150 bytes of JSON: username, password,
/// notes), beside one bare AES-256-GCM encryption of the same bytes as the floor. ShortRun: the machine has 2 cores
/// and is shared.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class VaultCryptoBenchmarks
{
    /// <summary>The shape <c>VaultService</c> serialises (its own record is internal).</summary>
    public sealed record Payload(string Username, string Password, string? Notes);

    const int AccountId = 4217, Version = 3;

    readonly Payload _payload = new("wilsonhigh.athletics@lbusd.org", "c0rrect-Horse-Battery-Staple-2026!",
        "Recovery email is the athletics office; 2FA codes with the AD.");
    MasterKey _master = null!, _next = null!;
    byte[] _plaintext = null!, _key = null!, _nonce = null!, _ciphertext = null!, _tag = null!;
    SealedSecret _sealed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _master = new MasterKey(RandomNumberGenerator.GetBytes(32));
        _next = new MasterKey(RandomNumberGenerator.GetBytes(32));
        _plaintext = JsonSerializer.SerializeToUtf8Bytes(_payload);
        _key = RandomNumberGenerator.GetBytes(32);
        _nonce = RandomNumberGenerator.GetBytes(12);
        _ciphertext = new byte[_plaintext.Length];
        _tag = new byte[16];
        _sealed = VaultCrypto.Seal(_master, AccountId, Version, _plaintext);
        if (_plaintext.Length is < 120 or > 180) throw new InvalidOperationException($"The payload is {_plaintext.Length} bytes, not ~150.");
    }

    [Benchmark(Baseline = true, Description = "AES-256-GCM encrypt only, same bytes (floor)")]
    public byte[] AesGcmOnly()
    {
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(_nonce, _plaintext, _ciphertext, _tag);
        return _tag;
    }

    [Benchmark(Description = "VaultCrypto.Seal (new data key, encrypt, wrap)")]
    public SealedSecret Seal() => VaultCrypto.Seal(_master, AccountId, Version, _plaintext);

    [Benchmark(Description = "VaultCrypto.Open (unwrap, decrypt)")]
    public byte[] Open() => VaultCrypto.Open(_master, AccountId, Version, _sealed);

    [Benchmark(Description = "VaultCrypto.Rewrap (master-key rotation, one secret)")]
    public SealedSecret Rewrap() => VaultCrypto.Rewrap(_master, _next, AccountId, Version, _sealed);

    [Benchmark(Description = "store: serialise + Seal + zero (as VaultService)")]
    public SealedSecret Store()
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(_payload);
        try { return VaultCrypto.Seal(_master, AccountId, Version, plaintext); }
        finally { CryptographicOperations.ZeroMemory(plaintext); }
    }

    [Benchmark(Description = "reveal: Open + deserialise + zero (as VaultService)")]
    public Payload Reveal()
    {
        var plaintext = VaultCrypto.Open(_master, AccountId, Version, _sealed);
        try { return JsonSerializer.Deserialize<Payload>(plaintext)!; }
        finally { CryptographicOperations.ZeroMemory(plaintext); }
    }
}
