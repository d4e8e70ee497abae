using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;

namespace Steward.Features.Registry;

/// <summary>Registry §5: each site sends its list to the Ethics Office; the district sees who has.</summary>
public sealed class SubmissionsIndexModel(StewardDb db, RegistryCommands registry, IAuthorizationService authz) : PageModel
{
    public sealed record LedSite(int Id, string Code, string Name, int Approved, DateTime? SubmittedThisYear);

    public string CurrentYear { get; private set; } = "";
    public List<LedSite> Led { get; private set; } = [];
    public List<SiteSubmissionStatus>? DistrictStatus { get; private set; }
    public List<Submission> History { get; private set; } = [];
    public string? Error { get; private set; }

    bool IsRecipient => Policies.IsRegistryReader(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsRecipient && User.SiteIds(Role.Principal, Role.SiteDesignee).Count == 0) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int siteId, CancellationToken ct)
    {
        var (submission, refusal) = await SubmissionsApi.SubmitCoreAsync(siteId, User, db, authz, registry, ct);
        if (submission is not null) return Redirect($"/registry/submissions/{submission.Id}?submitted=true");
        if (refusal!.Status == 404) return NotFound();
        if (refusal.Status == 403) return Forbid();
        Error = refusal.Detail;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
        var led = User.SiteIds(Role.Principal, Role.SiteDesignee);
        var year = CurrentYear;
        Led = await db.Sites.AsNoTracking().Where(s => led.Contains(s.Id)).OrderBy(s => s.Code)
            .Select(s => new LedSite(s.Id, s.Code, s.Name,
                db.Accounts.Count(a => a.SiteId == s.Id && a.Status == AccountStatus.Approved),
                db.Submissions.Where(x => x.SiteId == s.Id && x.SchoolYear == year).Max(x => (DateTime?)x.SubmittedAt)))
            .ToListAsync(ct);
        if (IsRecipient) DistrictStatus = await SubmissionsApi.StatusForAsync(db, CurrentYear, ct);
        History = await SubmissionsApi.Visible(db.Submissions.AsNoTracking(), User).Include(s => s.Site)
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id).Take(200).ToListAsync(ct);
    }
}
