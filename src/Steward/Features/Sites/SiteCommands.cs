using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Sites;


/// <summary>Creating and editing sites: one implementation behind the API and the pages.</summary>
internal static class SiteCommands
{
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    public static async Task<(Site? Site, string? Conflict)> CreateAsync(StewardDb db, SiteRequest request, DateTime now, CancellationToken ct)
    {
        var code = NormalizeCode(request.Code);
        if (await db.Sites.AnyAsync(s => s.Code == code, ct))
            return (null, $"A site with code {code} already exists.");
        var site = new Site { Code = code, Name = request.Name.Trim(), CreatedAt = now };
        Apply(site, request);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return (site, null);
    }

    /// <summary>Applies an edit. A stale <see cref="SiteRequest.RowVersion"/> is refused, never overwritten.</summary>
    public static async Task<Refusal?> UpdateAsync(StewardDb db, Site site, SiteRequest request, bool mayChangeCode, CancellationToken ct)
    {
        if (request.RowVersion is { } version && version != site.Version)
            return Stale;
        var code = NormalizeCode(request.Code);
        if (code != site.Code)
        {
            if (!mayChangeCode) return new(403, "Forbidden", "Only a DistrictAdmin changes a site's code.");
            if (await db.Sites.AnyAsync(s => s.Code == code && s.Id != site.Id, ct))
                return new(409, "Duplicate site code", $"A site with code {code} already exists.");
            site.Code = code;
        }
        site.Name = request.Name.Trim();
        Apply(site, request);
        if (request.RowVersion is { } expected) db.Entry(site).Property(s => s.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return null;
    }

    static readonly Refusal Stale = new(409, "Edited by someone else",
        "The site changed since you read it. Reload it and apply your change again.");

    static void Apply(Site site, SiteRequest r)
    {
        site.Kind = r.Kind ?? SiteKind.School;
        site.Aliases = (r.Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        site.Mascot = Blank(r.Mascot);
        site.PublicPhone = Blank(r.PublicPhone);
        site.PublicEmail = Blank(r.PublicEmail);
        site.PublicAddress = Blank(r.PublicAddress);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
