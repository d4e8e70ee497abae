using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.People;

public sealed class PeopleIndexModel(StewardDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public List<StewardUser> People { get; private set; } = [];
    public bool CanCreate => User.HasAny(Role.DistrictAdmin, Role.Principal);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.IsDistrictReader() && User.SiteIds(Role.Principal, Role.SiteDesignee).Count == 0) return Forbid();
        var query = UserAccess.Visible(db.Users.AsNoTracking(), User).Include(u => u.Roles).ThenInclude(r => r.Site).AsSplitQuery();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.FullName.ToUpper().Contains(term));
        }
        if (Status == "active") query = query.Where(u => u.IsActive);
        if (Status == "inactive") query = query.Where(u => !u.IsActive);
        People = await query.OrderBy(u => u.FullName).Take(500).ToListAsync();
        return Page();
    }
}
