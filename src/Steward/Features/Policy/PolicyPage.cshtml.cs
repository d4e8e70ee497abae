using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Policy;

/// <summary>The district's regulation, public like the regulation itself, with an anchor for every cited section.</summary>
[AllowAnonymous]
public sealed class PolicyPageModel(Regulation regulation) : PageModel
{
    public Regulation Regulation { get; } = regulation;

    /// <summary>Consecutive blocks of one list kind (numbered sections, bullets) go in one list.</summary>
    public IEnumerable<IReadOnlyList<RegulationBlock>> Groups()
    {
        var group = new List<RegulationBlock>();
        foreach (var block in Regulation.Blocks.Skip(1))
        {
            if (group.Count > 0 && (!IsList(block) || block.Kind != group[0].Kind))
            {
                yield return group;
                group = [];
            }

            group.Add(block);
        }

        if (group.Count > 0)
            yield return group;
    }

    /// <summary>"Privacy §3" for the item anchored privacy-3: what a reader who jumped to it needs to see, since the
    /// part's heading has scrolled away. Null for items of other parts, which nothing cites.</summary>
    public static string? Citation(RegulationBlock item)
    {
        if (item.Kind != RegulationBlockKind.Item || item.Id is null || item.Number is not { } n) return null;
        var part = item.Id[..item.Id.LastIndexOf('-')];
        return Parts.TryGetValue(part, out var name) ? $"{name} §{n}" : null;
    }

    static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["privacy"] = "Privacy", ["content"] = "Content", ["discipline"] = "Discipline", ["registry"] = "Registry", ["booster"] = "Booster",
    };

    /// <summary>The heading above each numbered item, for its link back to the start of its section.</summary>
    public IReadOnlyDictionary<RegulationBlock, RegulationBlock> HeadingOf()
    {
        var result = new Dictionary<RegulationBlock, RegulationBlock>(ReferenceEqualityComparer.Instance);
        RegulationBlock? heading = null;
        foreach (var block in Regulation.Blocks)
        {
            if (block.Id is not null && block.Kind is RegulationBlockKind.Heading or RegulationBlockKind.Subheading) heading = block;
            else if (block.Kind == RegulationBlockKind.Item && heading is not null) result[block] = heading;
        }
        return result;
    }

    public static bool IsList(RegulationBlock block) => block.Kind is RegulationBlockKind.Item or RegulationBlockKind.Bullet;
}
