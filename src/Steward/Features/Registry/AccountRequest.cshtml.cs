using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Sites;

namespace Steward.Features.Registry;

public sealed class AccountRequestModel(StewardDb db, RegistryCommands registry) : AccountFormPage(db)
{
    [BindProperty(SupportsGet = true)]
    public int? SiteId { get; set; }

    /// <summary>Sites where the person holds a role; a DistrictAdmin may request for any.</summary>
    public List<Site> SiteChoices { get; private set; } = [];

    public override string SubmitText => "Request the account";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Site is not null && People.Any(p => p.Id == User.UserId())) Input.ManagerUserId = User.UserId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Site is null) return Page();
        if (!ModelState.IsValid) return Page();
        var (account, refusal) = await registry.RequestAsync(User, Input.ToRequest(Site.Id), ct);
        if (account is null)
        {
            Show(refusal!);
            return Page();
        }
        return Redirect($"/accounts/{account.Id}?requested=true");
    }

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        var mine = User.SiteIds();
        var all = User.Has(Role.DistrictAdmin);
        SiteChoices = await Db.Sites.AsNoTracking().Where(s => all || mine.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        if (SiteId is null && SiteChoices.Count == 1) SiteId = SiteChoices[0].Id;
        if (SiteId is { } id && SiteChoices.Any(s => s.Id == id)) await LoadSiteAsync(id, ct);
        else if (SiteId is not null) Error = "You can request accounts only for a site where you hold a role. Choose one of yours.";
    }
}
