using Steward.Infrastructure;

namespace Steward.Features.Sites;

public enum SiteKind
{
    School,
    Department,
    Office,
}

/// <summary>A school site or district department. Its aliases and mascot feed the booster naming rule
/// (Booster §3); its public contacts are allowed in posts by the scanner.</summary>
public sealed class Site : IVersioned, ISiteScoped
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public SiteKind Kind { get; set; }
    public List<string> Aliases { get; set; } = [];
    public string? Mascot { get; set; }
    public string? PublicPhone { get; set; }
    public string? PublicEmail { get; set; }
    public string? PublicAddress { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    int ISiteScoped.SiteId => Id;
}
