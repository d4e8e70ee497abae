using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;

namespace Steward.Features.Sites;

public sealed class SitesIndexModel(StewardDb db, IAuthorizationService authz) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<Site> Sites { get; private set; } = [];
    public HashSet<int> Editable { get; } = [];
    public bool CanCreate => User.Has(Role.DistrictAdmin);

    public async Task OnGetAsync()
    {
        var query = db.Sites.AsNoTracking().Visible(User);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
            query = query.Where(s => s.Code.ToUpper().Contains(term) || s.Name.ToUpper().Contains(term));
        }
        Sites = await query.OrderBy(s => s.Code).Take(500).ToListAsync();
        foreach (var s in Sites)
            if ((await authz.AuthorizeAsync(User, s, SiteOperations.Manage)).Succeeded) Editable.Add(s.Id);
    }
}
