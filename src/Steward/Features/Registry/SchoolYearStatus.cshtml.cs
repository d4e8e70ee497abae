using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;

namespace Steward.Features.Registry;

/// <summary>Registry §1: accounts are registered again each school year. The district opens the year;
/// each site sees what is still unrenewed.</summary>
public sealed class SchoolYearStatusModel(StewardDb db, RegistryCommands registry) : PageModel
{
    public string CurrentYear { get; private set; } = "";
    public string CalendarYear { get; private set; } = "";
    public List<SchoolYearOpening> Openings { get; private set; } = [];
    public List<SiteRenewal> Sites { get; private set; } = [];
    public bool CanOpen => User.Has(Role.DistrictAdmin);
    /// <summary>The year a DistrictAdmin may open next: the one after the calendar's, once.</summary>
    public string? NextYear { get; private set; }
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(string? year, CancellationToken ct)
    {
        if (!CanOpen) return Forbid();
        if (!SchoolYears.IsValid(year)) Error = "A school year reads like 2027-28.";
        else
        {
            var already = await db.SchoolYearOpenings.AnyAsync(o => o.SchoolYear == year, ct);
            var (opened, moved) = await registry.OpenSchoolYearAsync(User, year!, ct);
            Notice = already
                ? $"{opened} was already open: nothing changed."
                : $"Opened {opened}: {moved} approved {(moved == 1 ? "account needs" : "accounts need")} renewal by their site's principal or designee.";
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
        CalendarYear = registry.DerivedSchoolYear;
        Openings = await db.SchoolYearOpenings.AsNoTracking().OrderByDescending(o => o.SchoolYear).ToListAsync(ct);
        var next = SchoolYears.Next(CalendarYear);
        NextYear = Openings.Any(o => o.SchoolYear == next) ? null : next;
        Sites = await SchoolYearsApi.RenewalStatusAsync(db, User, CurrentYear, null, ct);
    }
}
