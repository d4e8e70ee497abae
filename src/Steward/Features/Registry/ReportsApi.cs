using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;

namespace Steward.Features.Registry;

/// <summary>One row of the registry list (Registry §5). It has no credential field, by construction.</summary>
public sealed record RegistryRow(string SiteCode, string SiteName, string Platform, string Handle, string Url, string Category,
    string DisplayName, string ManagerFullName, string ManagerTitle, string Status, string? ApprovedBy, DateTime? ApprovedAt);

internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/registry", (ClaimsPrincipal user, StewardDb db, RegistryCommands registry, CancellationToken ct,
            string? schoolYear, string? format, int? siteId) => RegistryAsync(user, db, registry, schoolYear, format, siteId, ct)).WithTags("Registry");

    /// <summary>The registry list for this caller (district recipients: every site; site leads: theirs) as CSV, Excel or
    /// JSON. The API and the Registry page's download links both answer with it.</summary>
    internal static async Task<IResult> RegistryAsync(ClaimsPrincipal user, StewardDb db, RegistryCommands registry,
        string? schoolYear, string? format, int? siteId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("csv" or "xlsx" or "json")) errors["format"] = ["format is csv, xlsx or json."];
        if (schoolYear is not null && !SchoolYears.IsValid(schoolYear)) errors["schoolYear"] = ["A school year reads like 2027-28."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var district = Policies.IsRegistryReader(user);
        var led = user.SiteIds(Role.Principal, Role.SiteDesignee);
        if (!district && led.Count == 0) return TypedResults.Forbid();
        if (siteId is { } wanted && !district && !led.Contains(wanted)) return TypedResults.NotFound();

        var rows = await RowsAsync(db, schoolYear, siteId, district ? null : led, ct);
        var name = $"registry-{schoolYear ?? await registry.CurrentSchoolYearAsync(ct)}";
        switch (kind)
        {
            case "csv":
                await using (var text = new StringWriter(CultureInfo.InvariantCulture))
                {
                    // A cell starting with = + - @ is a formula to a spreadsheet: a display name must not become one.
                    await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
                    await csv.WriteRecordsAsync(rows, ct);
                    return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name + ".csv");
                }
            case "xlsx":
                var stream = new MemoryStream();
                await stream.SaveAsAsync(rows, sheetName: "Registry", cancellationToken: ct);
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            default:
                return TypedResults.Ok(rows);
        }
    }

    /// <summary>With a school year: the accounts registered (approved) for it. Without: every account not retired.</summary>
    internal static async Task<List<RegistryRow>> RowsAsync(StewardDb db, string? schoolYear, int? siteId, ICollection<int>? onlySites, CancellationToken ct)
    {
        var query = db.Accounts.AsNoTracking();
        if (siteId is { } site) query = query.Where(a => a.SiteId == site);
        if (onlySites is not null) query = query.Where(a => onlySites.Contains(a.SiteId));
        query = schoolYear is null
            ? query.Where(a => a.Status != AccountStatus.Retired)
            : query.Where(a => a.Registrations.Any(r => r.SchoolYear == schoolYear));
        return await query.OrderBy(a => a.Site!.Code).ThenBy(a => a.Platform).ThenBy(a => a.Handle)
            .Select(a => new RegistryRow(a.Site!.Code, a.Site.Name, a.Platform.ToString(), a.Handle, a.Url, a.Category.ToString(), a.DisplayName,
                a.Manager!.FullName, a.Manager.Title, a.Status.ToString(), a.ApprovedBy == null ? null : a.ApprovedBy.FullName, a.ApprovedAt))
            .ToListAsync(ct);
    }
}
