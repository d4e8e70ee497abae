using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> b)
    {
        b.HasIndex(s => s.StudentNumber).IsUnique();
        b.HasIndex(s => new { s.SiteId, s.LastName });
        b.Property(s => s.StudentNumber).HasMaxLength(Student.IdLength);
        b.Property(s => s.FirstName).HasMaxLength(Student.NameLength);
        b.Property(s => s.LastName).HasMaxLength(Student.NameLength);
        b.Property(s => s.PreferredName).HasMaxLength(Student.NameLength);
        b.Property(s => s.Grade).HasMaxLength(Student.GradeLength);
        b.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Consents).WithOne().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.DisplayName);
    }
}

sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        // One current consent per signed form: an import or a second POST cannot record the same form twice
        // (a revoked form may be recorded again).
        b.HasIndex(c => new { c.StudentId, c.Kind, c.DocumentReference }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        b.Property(c => c.GrantedBy).HasMaxLength(Consent.GrantedByLength);
        b.Property(c => c.DocumentReference).HasMaxLength(Consent.DocumentLength);
    }
}

sealed class ComplianceStateConfiguration : IEntityTypeConfiguration<ComplianceState>
{
    public void Configure(EntityTypeBuilder<ComplianceState> b)
    {
        b.ToTable("ComplianceState");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new ComplianceState { Id = 1, RosterVersion = 0 });
    }
}

sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.HasIndex(p => new { p.SiteId, p.Status });
        b.HasIndex(p => new { p.AccountId, p.Status });
        b.HasIndex(p => p.AuthorUserId);
        b.Property(p => p.Text).HasMaxLength(Post.TextLength);
        b.Property(p => p.OutsideOrganization).HasMaxLength(Post.OrganizationLength);
        b.Property(p => p.Justification).HasMaxLength(Limits.Text);
        b.Property(p => p.RejectionReason).HasMaxLength(Limits.Text);
        b.HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sites.Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(p => p.ImageSubjects);
        b.Ignore(p => p.ThirdPartyMaterial);
        b.Ignore(p => p.Findings);
        b.Ignore(p => p.NeedsDistrictApproval);
    }
}
