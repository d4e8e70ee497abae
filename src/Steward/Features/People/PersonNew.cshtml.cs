using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.People;

[Authorize(Policy = Policies.UserManager)]
public sealed class PersonNewModel(StewardDb db, UserManager<StewardUser> users, TimeProvider clock) : PageModel
{
    public sealed class PersonInput
    {
        [Required, StringLength(Limits.Name, MinimumLength = 2)] public string FullName { get; set; } = "";
        [Required, StringLength(Limits.Name, MinimumLength = 2)] public string Title { get; set; } = "";
        [Required, EmailAddress, StringLength(Limits.Email)] public string Email { get; set; } = "";
        [Required, StringLength(Limits.Password, MinimumLength = 12)] public string Password { get; set; } = "";
        public int? SiteId { get; set; }
    }

    [BindProperty] public PersonInput Input { get; set; } = new();
    public List<Site> SiteChoices { get; private set; } = [];
    public bool IsDistrictAdmin => User.Has(Role.DistrictAdmin);

    public async Task OnGetAsync() => await LoadSitesAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSitesAsync();
        if (!IsDistrictAdmin && Input.SiteId is null) ModelState.AddModelError("Input.SiteId", "Choose your site.");
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var (user, refusal) = await PeopleCommands.CreateAsync(users, new CreateUserRequest(Input.Email, Input.FullName, Input.Title, Input.Password), now);
        if (user is null)
        {
            ModelState.AddModelError(refusal!.Field == "password" ? "Input.Password" : "Input.Email", refusal.Detail);
            return Page();
        }
        if (Input.SiteId is { } site)
        {
            var placed = await PeopleCommands.AssignRoleAsync(db, User, user, Role.Staff, site, now, ct);
            if (placed is not null) return Redirect($"/people/{user.Id}");
        }
        return Redirect($"/people/{user.Id}");
    }

    async Task LoadSitesAsync()
    {
        var led = User.SiteIds(Role.Principal);
        SiteChoices = await db.Sites.AsNoTracking().Where(s => IsDistrictAdmin || led.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync();
    }
}
