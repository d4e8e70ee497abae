using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Registry;

/// <summary>One list as it was sent: frozen, with what changed since the site's previous one.</summary>
public sealed class SubmissionDetailsModel(StewardDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public bool Submitted { get; set; }

    public SubmissionDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var submission = await SubmissionsApi.Visible(db.Submissions.AsNoTracking(), User).Include(s => s.Site).SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (submission is null) return NotFound();
        Detail = SubmissionsApi.Detail(submission);
        return Page();
    }
}
