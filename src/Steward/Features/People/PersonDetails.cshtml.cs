using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.People;

public sealed class PersonDetailsModel(StewardDb db, UserManager<StewardUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public StewardUser Person { get; private set; } = null!;
    public List<Site> SiteChoices { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public bool IsDistrictAdmin => User.Has(Role.DistrictAdmin);
    public bool CanChangeRoles => User.HasAny(Role.DistrictAdmin, Role.Principal);
    public bool CanManage => UserAccess.CanManage(User, Person) && Person.Id != User.UserId() && CanChangeRoles;
    public IEnumerable<Role> AssignableRoles => IsDistrictAdmin ? Enum.GetValues<Role>() : [Role.Staff, Role.SiteDesignee];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignRoleAsync(Role role, int? siteId, CancellationToken ct) =>
        Act(() => PeopleCommands.AssignRoleAsync(db, User, Person, role, siteId, clock.GetUtcNow().UtcDateTime, ct),
            $"{role} assigned.", ct);

    public Task<IActionResult> OnPostRemoveRoleAsync(Role role, int? siteId, CancellationToken ct) =>
        Act(() => PeopleCommands.RemoveRoleAsync(db, User, Person, role, siteId, ct), $"{role} removed.", ct);

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) =>
        Act(() => PeopleCommands.DeactivateAsync(db, users, User, Person, clock.GetUtcNow().UtcDateTime),
            "Deactivated: they can no longer sign in and their sessions have ended.", ct);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken ct) =>
        Act(() => IsDistrictAdmin ? PeopleCommands.ReactivateAsync(users, Person) : Task.FromResult<Refusal?>(Refusal.Forbidden("Only a DistrictAdmin reactivates.")),
            "Reactivated.", ct);

    public Task<IActionResult> OnPostPasswordAsync(string? password, CancellationToken ct) =>
        Act(() => IsDistrictAdmin ? PeopleCommands.SetPasswordAsync(users, Person, password ?? "") : Task.FromResult<Refusal?>(Refusal.Forbidden("Only a DistrictAdmin sets passwords.")),
            "Password set. Their existing sessions have ended.", ct);

    async Task<IActionResult> Act(Func<Task<Refusal?>> action, string done, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanChangeRoles) return Forbid();
        var refusal = await action();
        if (refusal?.Status == 404 && refusal.Field is null && refusal.Detail == "Not found.") return NotFound();
        if (refusal is not null) Error = refusal.Detail; else Notice = done;
        await LoadAsync(ct);
        return Page();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await UsersApi.FindVisibleAsync(db, User, Id, ct);
        if (person is null) return false;
        Person = person;
        var led = User.SiteIds(Role.Principal);
        SiteChoices = await db.Sites.AsNoTracking().Where(s => IsDistrictAdmin || led.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        return true;
    }
}
