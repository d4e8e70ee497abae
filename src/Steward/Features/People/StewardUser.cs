using Microsoft.AspNetCore.Identity;
using Steward.Infrastructure;

namespace Steward.Features.People;

/// <summary>A district employee. <see cref="FullName"/> and <see cref="Title"/> are the legal name and
/// district title employees must identify themselves by (Discipline §5).</summary>
public sealed class StewardUser : IdentityUser<int>, IVersioned
{
    public string FullName { get; set; } = "";
    public string Title { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? DeactivatedAt { get; set; }
    public Guid Version { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];
}

public sealed class RoleAssignment
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public Role Role { get; set; }
    public int? SiteId { get; set; }
    public Sites.Site? Site { get; set; }
    public DateTime AssignedAt { get; set; }
    public int? AssignedByUserId { get; set; }
}
