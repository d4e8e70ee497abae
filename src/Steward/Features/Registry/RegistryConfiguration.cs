using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasIndex(a => new { a.Platform, a.Handle }).IsUnique();
        b.HasIndex(a => new { a.SiteId, a.Status });
        // A site's page of accounts is read in this order: no sort of the whole site per page.
        b.HasIndex(a => new { a.SiteId, a.Platform, a.Handle });
        b.HasIndex(a => a.ManagerUserId);
        b.Property(a => a.Handle).HasMaxLength(Handles.MaxLength);
        b.Property(a => a.Url).HasMaxLength(Limits.Url);
        b.Property(a => a.DisplayName).HasMaxLength(Limits.Name);
        b.Property(a => a.Purpose).HasMaxLength(Limits.Text);
        b.Property(a => a.SchoolYear).HasMaxLength(7);
        b.Property(a => a.DecisionReason).HasMaxLength(Limits.Text);
        b.HasOne(a => a.Site).WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Manager).WithMany().HasForeignKey(a => a.ManagerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.BackupManager).WithMany().HasForeignKey(a => a.BackupManagerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.ApprovedBy).WithMany().HasForeignKey(a => a.ApprovedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Registrations).WithOne().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AccountRegistrationConfiguration : IEntityTypeConfiguration<AccountRegistration>
{
    public void Configure(EntityTypeBuilder<AccountRegistration> b)
    {
        b.HasIndex(r => new { r.AccountId, r.SchoolYear }).IsUnique();
        b.HasIndex(r => r.SchoolYear);
        b.Property(r => r.SchoolYear).HasMaxLength(7);
    }
}

sealed class SchoolYearOpeningConfiguration : IEntityTypeConfiguration<SchoolYearOpening>
{
    public void Configure(EntityTypeBuilder<SchoolYearOpening> b)
    {
        b.HasIndex(o => o.SchoolYear).IsUnique();
        b.Property(o => o.SchoolYear).HasMaxLength(7);
    }
}

sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.HasIndex(s => new { s.SiteId, s.SubmittedAt });
        b.HasIndex(s => s.SchoolYear);
        b.Property(s => s.SchoolYear).HasMaxLength(7);
        b.Property(s => s.SubmittedByName).HasMaxLength(Limits.Name);
        b.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
