using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>A staff member's or an official's home phones and addresses, which posts must not carry
/// (Privacy §5: staff, never; Privacy §6: officials, only with their prior written permission). The phones
/// and addresses are secrets: sealed with the vault's envelope encryption, never stored, logged, audited
/// or returned in plain text. Only the scanner context holds them, in memory.</summary>
public sealed class ProtectedContact : IVersioned
{
    public const int DocumentLength = 300;
    public const int MaxPhones = 5;
    public const int MaxAddresses = 5;

    public int Id { get; set; }
    public HomeContactOwner Owner { get; set; }
    public required string PersonName { get; set; }
    /// <summary>The staff member's own user, when they are one (at most one entry per user).</summary>
    public int? UserId { get; set; }
    public People.StewardUser? User { get; set; }

    /// <summary>Officials only: their prior written permission to post these contacts (Privacy §6).</summary>
    public bool HasWrittenPermission { get; set; }
    public string? PermissionDocument { get; set; }
    public DateOnly? PermissionGrantedOn { get; set; }

    /// <summary>Which master key wrapped the data key.</summary>
    public required string KeyId { get; set; }
    /// <summary>A fresh id for every seal, bound into the ciphertext: a sealed blob copied to another row
    /// does not open.</summary>
    public Guid SealId { get; set; }
    [Sensitive] public required byte[] WrappedKey { get; set; }
    [Sensitive] public required byte[] Ciphertext { get; set; }

    public DateTime CreatedAt { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int? UpdatedByUserId { get; set; }
    public Guid Version { get; set; }

    public string SealSubject => SubjectFor(SealId);

    public static string SubjectFor(Guid sealId) => $"protected-contact:{sealId:N}";

    /// <summary>Permission is the official's to give (Privacy §6); a staff member's home contact is never
    /// posted (Privacy §5), so a staff entry carries no permission at all.</summary>
    public static Refusal? CheckPermission(HomeContactOwner owner, bool hasPermission, string? document, DateOnly? grantedOn, DateOnly today)
    {
        if (owner == HomeContactOwner.Staff)
        {
            if (hasPermission)
                return Refusal.Invalid("hasWrittenPermission", "A staff member's home contact is never posted (Privacy §5): permission applies to officials only.");
            if (!string.IsNullOrWhiteSpace(document))
                return Refusal.Invalid("permissionDocument", "A staff member's entry has no permission document: permission applies to officials only.");
            if (grantedOn is not null)
                return Refusal.Invalid("permissionGrantedOn", "A staff member's entry has no permission date: permission applies to officials only.");
            return null;
        }
        if (!hasPermission)
        {
            if (!string.IsNullOrWhiteSpace(document) || grantedOn is not null)
                return Refusal.Invalid("hasWrittenPermission", "Set hasWrittenPermission to true to record the permission's document and date.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(document) || document.Trim().Length < 2)
            return Refusal.Invalid("permissionDocument", "Say where the official's signed permission is kept (a document number or file reference).");
        if (grantedOn is not { } on)
            return Refusal.Invalid("permissionGrantedOn", "Give the date the official signed the permission.");
        if (on > today)
            return Refusal.Invalid("permissionGrantedOn", "permissionGrantedOn is not in the future: permission is given before anything is posted.");
        return null;
    }
}

sealed class ProtectedContactConfiguration : IEntityTypeConfiguration<ProtectedContact>
{
    public void Configure(EntityTypeBuilder<ProtectedContact> b)
    {
        b.HasIndex(c => c.UserId).IsUnique();
        b.HasIndex(c => c.KeyId);
        b.Property(c => c.PersonName).HasMaxLength(Limits.Name);
        b.Property(c => c.PermissionDocument).HasMaxLength(ProtectedContact.DocumentLength);
        b.Property(c => c.KeyId).HasMaxLength(16);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.SealSubject);
    }
}
