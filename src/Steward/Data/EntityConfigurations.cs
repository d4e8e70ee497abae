using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Audit;
using Steward.Features.People;
using Steward.Features.Sites;

using Steward.Infrastructure;

namespace Steward.Data;

sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(Limits.Code);
        b.Property(s => s.Name).HasMaxLength(Limits.Name);
        b.Property(s => s.Mascot).HasMaxLength(Limits.Name);
        b.Property(s => s.PublicPhone).HasMaxLength(Limits.Phone);
        b.Property(s => s.PublicEmail).HasMaxLength(Limits.Email);
        b.Property(s => s.PublicAddress).HasMaxLength(Limits.Address);
    }
}

sealed class UserConfiguration : IEntityTypeConfiguration<StewardUser>
{
    public void Configure(EntityTypeBuilder<StewardUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(Limits.Name);
        b.Property(u => u.Title).HasMaxLength(Limits.Name);
        b.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasIndex(r => new { r.UserId, r.Role, r.SiteId }).IsUnique();
        b.HasOne(r => r.Site).WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.ActorUserId);
        b.HasIndex(e => e.OccurredAt);
        b.Property(e => e.ActorName).HasMaxLength(Limits.Email);
        b.Property(e => e.Action).HasMaxLength(80);
        b.Property(e => e.EntityType).HasMaxLength(80);
        b.Property(e => e.EntityId).HasMaxLength(80);
        b.Property(e => e.Reason).HasMaxLength(Limits.Text);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}

sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}
