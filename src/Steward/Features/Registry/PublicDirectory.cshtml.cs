using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

/// <summary>The public directory: anyone can check whether an account is an official one. Approved
/// accounts only, and no staff names.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimit.Policy)]
public sealed class PublicDirectoryModel(StewardDb db) : PageModel
{
    const int Size = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "url")] public string? CheckUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PageOf<PublicAccount> Results { get; private set; } = new([], 1, Size, 0);
    public Verification? Verdict { get; private set; }
    public string? UrlError { get; private set; }
    public int PageCount => Math.Max(1, (Results.Total + Size - 1) / Size);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (PageNumber < 1) PageNumber = 1;
        if (Request.Query.ContainsKey("url"))
        {
            if (string.IsNullOrWhiteSpace(CheckUrl) || CheckUrl.Length > Limits.Url) UrlError = "Give the address of the account to check, like https://www.instagram.com/whs_athletics/.";
            else Verdict = await PublicApi.VerifyCoreAsync(db, CheckUrl!, ct);
        }
        Results = await PublicApi.SearchAsync(db, Q, PageNumber, Size, ct);
    }

    public string PageLink(int page) => "/directory" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
