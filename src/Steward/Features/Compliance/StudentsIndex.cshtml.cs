using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>Search the roster; import a roster file (principals, designees, DistrictAdmin).</summary>
[RequestSizeLimit(ComplianceLimits.ImportBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ComplianceLimits.ImportBytes + 64 * 1024)]
public sealed class StudentsIndexModel(StewardDb db, RosterCommands roster) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Consent { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PageOf<StudentResponse> Students { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public List<Site> Sites { get; private set; } = [];
    public bool MayImport => RosterCommands.MayImport(User);
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RosterCommands.MayReadStudents(User)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Which import the result or error belongs to: "roster" or "consents".</summary>
    public string? ImportedFile { get; private set; }

    public Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct) =>
        ImportAsync(file, "roster", (reader, c) => roster.ImportAsync(User, reader, c), ct);

    public Task<IActionResult> OnPostImportConsentsAsync(IFormFile? file, CancellationToken ct) =>
        ImportAsync(file, "consents", (reader, c) => roster.ImportConsentsAsync(User, reader, c), ct);

    async Task<IActionResult> ImportAsync(IFormFile? file, string what, Func<TextReader, CancellationToken, Task<ImportResult>> import, CancellationToken ct)
    {
        if (!MayImport) return Forbid();
        ImportedFile = what;
        if (file is null || file.Length == 0) Error = $"Choose a {(what == "roster" ? "roster" : "consent")} file (.csv) to import.";
        else if (file.Length > ComplianceLimits.ImportBytes) Error = $"An import file has at most {ComplianceLimits.ImportBytes / (1024 * 1024)} MB; split it by site.";
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Result = await import(reader, ct);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        if (PageNumber < 1) PageNumber = 1;
        if (Q?.Length > Limits.Name) Q = Q[..Limits.Name];
        var visible = RosterCommands.Visible(db.Students.AsNoTracking(), User);
        var today = roster.Today;
        if (Consent is not null && !RosterCommands.ConsentFilters.Contains(Consent)) Consent = null;
        var query = RosterCommands.WithConsent(RosterCommands.Search(visible, Q, SiteId), Consent, today);
        Students = await query.Include(s => s.Site).Include(s => s.Consents).OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.StudentNumber)
            .ToPageAsync(PageNumber, Paging.DefaultSize, s => StudentResponse.From(s, today), ct);
        var siteIds = User.Has(People.Role.DistrictAdmin) ? null : User.SiteIds();
        Sites = await db.Sites.AsNoTracking().Where(s => siteIds == null || siteIds.Contains(s.Id)).OrderBy(s => s.Code).ToListAsync(ct);
    }
}
