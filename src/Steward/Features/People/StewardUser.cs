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

    /// <summary>Bumped when every existing session must end (deactivation, a password reset by an
    /// administrator). Tokens carry the epoch they were issued in.</summary>
    public int SessionEpoch { get; set; }
    public Guid Version { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];

    /// <summary>Staff departure: the user can no longer sign in and every session they hold ends.</summary>
    public void Deactivate(DateTime now)
    {
        IsActive = false;
        DeactivatedAt = now;
        EndSessions();
    }

    public void Reactivate()
    {
        IsActive = true;
        DeactivatedAt = null;
        EndSessions();
    }

    public void EndSessions() => SessionEpoch++;
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
