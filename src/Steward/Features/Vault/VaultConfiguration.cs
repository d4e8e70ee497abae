using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Vault;

sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.HasIndex(c => c.AccountId).IsUnique();
        b.Property(c => c.RotationReason).HasMaxLength(300);
        b.HasOne<Registry.Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CredentialVersionConfiguration : IEntityTypeConfiguration<CredentialVersion>
{
    public void Configure(EntityTypeBuilder<CredentialVersion> b)
    {
        b.HasIndex(v => new { v.AccountId, v.VersionNumber }).IsUnique();
        b.HasIndex(v => v.KeyId);
        b.Property(v => v.KeyId).HasMaxLength(16);
        b.HasOne<Registry.Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
