using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Sites;

namespace Steward.Features.Registry;

/// <summary>The registry: a site's accounts for its people, every site's for the district roles.</summary>
public sealed class RegistryIndexModel(StewardDb db, RegistryCommands registry) : PageModel
{
    const int Size = 50;

    [BindProperty(SupportsGet = true)] public int? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public AccountStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public AccountCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Platform? Platform { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Account> Accounts { get; private set; } = [];
    public List<Site> Sites { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
    public string CurrentYear { get; private set; } = "";
    public bool District => User.IsDistrictReader();
    /// <summary>The reports API answers district recipients and site leads.</summary>
    public bool CanDownload => Policies.IsRegistryReader(User) || User.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (PageNumber < 1) PageNumber = 1;
        Sites = await db.Sites.AsNoTracking().Visible(User).OrderBy(s => s.Code).ToListAsync(ct);
        var query = RegistryCommands.Filter(RegistryCommands.Visible(db.Accounts.AsNoTracking(), User),
            new AccountFilter(SiteId, Status, Category, Platform, Q));
        Total = await query.CountAsync(ct);
        Accounts = await query.Include(a => a.Site).Include(a => a.Manager)
            .OrderBy(a => a.Site!.Code).ThenBy(a => a.Platform).ThenBy(a => a.Handle)
            .Skip((PageNumber - 1) * Size).Take(Size).ToListAsync(ct);
        CurrentYear = await registry.CurrentSchoolYearAsync(ct);
    }

    public string PageLink(int page) => Link(new() { ["page"] = page.ToString(CultureInfo.InvariantCulture) });

    /// <summary>The report of what is shown: a site lead's report is of their sites; a chosen site narrows it.</summary>
    public string ReportLink(string format)
    {
        var led = User.SiteIds(Role.Principal, Role.SiteDesignee);
        var site = SiteId is { } s && (Policies.IsRegistryReader(User) || led.Contains(s)) ? SiteId : null;
        return Url.Page("/Registry/RegistryIndex", "Report", new { format, siteId = site })!;
    }

    /// <summary>The download behind <see cref="ReportLink"/>: the same report as GET /api/reports/registry, for the page's
    /// signed-in person (the API itself takes only bearer tokens).</summary>
    public async Task<IActionResult> OnGetReportAsync(string? format, string? schoolYear, CancellationToken ct) =>
        new Answer(await ReportsApi.RegistryAsync(User, db, registry, schoolYear, format, SiteId, ct));

    /// <summary>An endpoint result (a file, a problem) answered from a page handler.</summary>
    sealed class Answer(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }

    string Link(Dictionary<string, string?> extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["siteId"] = SiteId?.ToString(CultureInfo.InvariantCulture), ["status"] = Status?.ToString(), ["category"] = Category?.ToString(),
            ["platform"] = Platform?.ToString(), ["q"] = Q,
        };
        foreach (var (k, v) in extra) values[k] = v;
        return "/registry" + QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
