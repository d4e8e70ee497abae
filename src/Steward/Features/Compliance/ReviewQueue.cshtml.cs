using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;

namespace Steward.Features.Compliance;

/// <summary>Submitted posts that wait for the person's decision: site leads see their sites' posts; the
/// DistrictAdmin also sees every outside-organization post (Booster §4).</summary>
public sealed class ReviewQueueModel(StewardDb db) : PageModel
{
    public List<Post> SitePosts { get; private set; } = [];
    public List<Post> OutsidePosts { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsAdmin = User.Has(Role.DistrictAdmin);
        var led = User.SiteIds(Role.Principal, Role.SiteDesignee);
        if (!IsAdmin && led.Count == 0) return Forbid();
        var submitted = db.Posts.AsNoTracking().Include(p => p.Account).ThenInclude(a => a!.Site).Include(p => p.Author);
        SitePosts = await PostCommands.AwaitingSiteDecision(submitted, User).OrderBy(p => p.SubmittedAt).Take(500).ToListAsync(ct);
        if (IsAdmin)
            OutsidePosts = await PostCommands.AwaitingOutsideDecision(submitted, User).OrderBy(p => p.SubmittedAt).Take(500).ToListAsync(ct);
        return Page();
    }
}
