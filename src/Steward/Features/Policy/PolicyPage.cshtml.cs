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

    public static bool IsList(RegulationBlock block) => block.Kind is RegulationBlockKind.Item or RegulationBlockKind.Bullet;
}
