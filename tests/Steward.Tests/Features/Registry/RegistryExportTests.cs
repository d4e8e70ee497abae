using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Registry;

/// <summary>The registry list exported for spreadsheets: text that looks like a formula stays text.</summary>
public abstract class RegistryExportTests(StewardApp app)
{
    const string Formula = "=HYPERLINK(\"https://evil.example/\",\"Click\")";

    async Task<int> SiteWithFormulaNamedAccountAsync()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id, password: null);
        var account = await app.SeedAsync(site.Id, manager.Id);
        await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.DisplayName, Formula)));
        return site.Id;
    }

    [DbFact]
    public async Task RegistryCsv_DisplayNameStartingWithEquals_IsEscapedNotAFormula()
    {
        var siteId = await SiteWithFormulaNamedAccountAsync();
        var admin = await app.AdminAsync();

        var response = await admin.GetAsync($"/api/reports/registry?format=csv&siteId={siteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        var row = csv.Split('\n')[1];
        Assert.Contains("'=HYPERLINK", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", row, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task RegistryXlsx_DisplayNameStartingWithEquals_IsAStringCellNotAFormula()
    {
        var siteId = await SiteWithFormulaNamedAccountAsync();
        var admin = await app.AdminAsync();

        var response = await admin.GetAsync($"/api/reports/registry?format=xlsx&siteId={siteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var xml = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("=HYPERLINK(", xml, StringComparison.Ordinal); // the text is there, as text
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f ", xml, StringComparison.Ordinal);
    }
}

public sealed class RegistryExportTests_Sqlite(SqliteApp app) : RegistryExportTests(app), IClassFixture<SqliteApp>;

public sealed class RegistryExportTests_Postgres(PostgresApp app) : RegistryExportTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
