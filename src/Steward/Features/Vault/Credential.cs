using Steward.Infrastructure;

namespace Steward.Features.Vault;

/// <summary>The vault entry of one account (Registry §2): which version is current and whether it is
/// due for rotation. The secrets live, encrypted, in <see cref="CredentialVersion"/>.</summary>
public sealed class Credential : IVersioned, IAuditedAs
{
    string IAuditedAs.AuditEntityType => nameof(Credential);
    string IAuditedAs.AuditEntityId => AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int Id { get; set; }
    public int AccountId { get; set; }
    public int CurrentVersion { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int UpdatedByUserId { get; set; }
    public bool RotationDue { get; set; }
    public string? RotationReason { get; set; }
    public DateTime? LastRevealedAt { get; set; }
    public Guid Version { get; set; }

    public void MarkRotationDue(string reason)
    {
        RotationDue = true;
        RotationReason = reason;
    }

    public bool IsDue(DateTime now, int maxAgeDays) => RotationDue || UpdatedAt < now.AddDays(-maxAgeDays);

    public string? DueReason(DateTime now, int maxAgeDays) =>
        RotationDue ? RotationReason : UpdatedAt < now.AddDays(-maxAgeDays) ? $"Older than {maxAgeDays} days." : null;
}

/// <summary>One stored version of a credential: its own random data key, wrapped by the master key,
/// and the AES-256-GCM ciphertext of the username, password and notes. Earlier versions are kept.</summary>
public sealed class CredentialVersion : IAuditedAs
{
    string IAuditedAs.AuditEntityType => nameof(Credential);
    string IAuditedAs.AuditEntityId => AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public long Id { get; set; }
    public int AccountId { get; set; }
    public int VersionNumber { get; set; }
    /// <summary>Which master key wrapped the data key.</summary>
    public required string KeyId { get; set; }
    [Sensitive] public required byte[] WrappedKey { get; set; }
    [Sensitive] public required byte[] Ciphertext { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedByUserId { get; set; }
}
