namespace Steward.Features.Vault;

/// <summary>The "Steward:Vault" settings (API.md, "Starting it").</summary>
public sealed class VaultOptions
{
    /// <summary>Base64 of 32 random bytes: the master key-encryption key.</summary>
    public string? MasterKey { get; set; }

    /// <summary>A file holding the base64 master key; generated (mode 0600) on first start when absent.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>Revealing a credential needs a two-factor sign-in.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>A credential older than this is due for rotation.</summary>
    public int MaxAgeDays { get; set; } = 365;

    /// <summary>A reveal by anyone but the account's manager makes the credential due for rotation.</summary>
    public bool RotateAfterRevealByOthers { get; set; } = true;
}
