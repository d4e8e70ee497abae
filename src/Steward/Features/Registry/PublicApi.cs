using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

/// <summary>What the public may know: which accounts are official. Approved accounts only, no staff names.</summary>
public sealed record PublicAccount(string SiteCode, string SiteName, string Platform, string Handle, string Url, string DisplayName, string Category);

public sealed record Verification(bool Official, PublicAccount? Account, string? Message);

internal static class PublicApi
{
    public static void MapPublicRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy);
        api.MapGet("/accounts", AccountsAsync);
        api.MapGet("/verify", VerifyAsync);
    }

    static IQueryable<PublicAccount> Project(IQueryable<Account> accounts) =>
        accounts.Select(a => new PublicAccount(a.Site!.Code, a.Site.Name, a.Platform.ToString(), a.Handle, a.Url, a.DisplayName, a.Category.ToString()));

    internal static async Task<PageOf<PublicAccount>> SearchAsync(StewardDb db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Accounts.AsNoTracking().Where(a => a.Status == AccountStatus.Approved);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().TrimStart('@').ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            query = query.Where(a => a.Handle.Contains(term) || a.DisplayName.ToUpper().Contains(upper) || a.Site!.Name.ToUpper().Contains(upper)
                                     || a.Site.Code.ToUpper() == upper);
        }
        return await Project(query.OrderBy(a => a.Site!.Name).ThenBy(a => a.Platform).ThenBy(a => a.Handle))
            .ToPageAsync(page, pageSize, x => x, ct);
    }

    static async Task<IResult> AccountsAsync(StewardDb db, CancellationToken ct, string? q = null, int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is { } invalid) return invalid;
        return TypedResults.Ok(await SearchAsync(db, q, page, pageSize, ct));
    }

    static async Task<IResult> VerifyAsync(StewardDb db, CancellationToken ct, string? url = null)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > Limits.Url)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = ["Give the address of the account to check."] });
        return TypedResults.Ok(await VerifyCoreAsync(db, url, ct));
    }

    internal static async Task<Verification> VerifyCoreAsync(StewardDb db, string url, CancellationToken ct)
    {
        if (!Handles.TryParseUrl(url.Trim(), out var parsed) || Handles.PlatformOf(parsed) is not { } platform || Handles.FromUrl(platform, parsed) is not { } handle)
            return new(false, null, "That is not the address of an account on a platform we know.");
        var match = await Project(db.Accounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Approved && a.Platform == platform && a.Handle == handle)).FirstOrDefaultAsync(ct);
        return match is null
            ? new(false, null, "This account is not on the district's list of official accounts. If it uses a school's name, you can report it.")
            : new(true, match, null);
    }
}

internal static class PublicRateLimit
{
    public const string Policy = "public";
}
