using System.Net;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Sites;

public abstract class SitesApiTests(StewardApp app)
{
    object NewSite(string? code = null) => new
    {
        code = code ?? app.Unique("N"),
        name = "Jordan High School",
        kind = "School",
        aliases = new[] { "Jordan High", "JHS" },
        mascot = "Panthers",
        publicPhone = "(562) 555-0142",
        publicEmail = "jordan-office@district.example",
        publicAddress = "6500 Atlantic Ave., Long Beach, CA 90805",
    };

    [DbFact]
    public async Task Create_ByDistrictAdmin_Returns201WithTheSiteAndAuditsIt()
    {
        var admin = await app.AdminAsync();
        var code = app.Unique("c");

        var response = await admin.PostJsonAsync("/api/sites", NewSite(code));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var site = await response.ReadAsync<SiteDto>();
        Assert.Equal(code.ToUpperInvariant(), site.Code);
        Assert.Equal(["Jordan High", "JHS"], site.Aliases);
        Assert.Equal("Panthers", site.Mascot);
        Assert.Equal($"/api/sites/{site.Id}", response.Headers.Location?.OriginalString);
        var fetched = await (await admin.GetAsync($"/api/sites/{site.Id}")).ReadAsync<SiteDto>();
        Assert.Equal(site, fetched with { Aliases = site.Aliases });
        var audit = await (await admin.GetAsync($"/api/audit?entityType=Site&entityId={site.Id}")).JsonAsync();
        Assert.Equal("Created", audit.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [DbFact]
    public async Task Create_WithExistingCode_Returns409AndKeepsTheFirst()
    {
        var admin = await app.AdminAsync();
        var code = app.Unique("d");
        await (await admin.PostJsonAsync("/api/sites", NewSite(code))).ReadAsync<SiteDto>();

        var response = await admin.PostJsonAsync("/api/sites", NewSite(code.ToLowerInvariant()));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var all = await (await admin.GetAsync($"/api/sites?q={code}")).ReadAsync<Page<SiteDto>>();
        Assert.Single(all.Items);
    }

    [DbFact]
    public async Task List_ForPrincipal_ShowsOnlyTheirSite()
    {
        var mine = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, mine.Id);

        var page = await (await principal.GetAsync("/api/sites")).ReadAsync<Page<SiteDto>>();

        Assert.Equal([mine.Id], page.Items.Select(s => s.Id));
        Assert.Equal(1, page.Total);
        Assert.DoesNotContain(page.Items, s => s.Id == other.Id);
    }

    [DbFact]
    public async Task Get_AnotherSitesRecordAsPrincipal_Returns404()
    {
        var mine = await app.CreateSiteAsync();
        var other = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, mine.Id);

        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/api/sites/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/sites/{other.Id}")).StatusCode);
    }

    [DbFact]
    public async Task Update_ByOwnPrincipal_ChangesContactsButNotTheCode()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var current = await (await principal.GetAsync($"/api/sites/{site.Id}")).ReadAsync<SiteDto>();

        var ok = await principal.PutJsonAsync($"/api/sites/{site.Id}", new
        {
            code = current.Code, name = current.Name, kind = "School", aliases = new[] { "Renamed High" }, mascot = "Owls",
            publicPhone = "562-555-0199", rowVersion = current.RowVersion,
        });
        var renamed = await principal.PutJsonAsync($"/api/sites/{site.Id}", new { code = "ZZ" + current.Code, name = current.Name, kind = "School" });

        var updated = await ok.ReadAsync<SiteDto>();
        Assert.Equal("Owls", updated.Mascot);
        Assert.Equal(["Renamed High"], updated.Aliases);
        Assert.NotEqual(current.RowVersion, updated.RowVersion);
        await renamed.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(current.Code, (await (await principal.GetAsync($"/api/sites/{site.Id}")).ReadAsync<SiteDto>()).Code);
    }

    [DbFact]
    public async Task Update_TwiceWithTheSameRowVersion_OneWinsTheOtherGets409()
    {
        var admin = await app.AdminAsync();
        var site = await (await admin.PostJsonAsync("/api/sites", NewSite())).ReadAsync<SiteDto>();

        var first = await admin.PutJsonAsync($"/api/sites/{site.Id}", new { site.Code, name = "First Edit", kind = "School", rowVersion = site.RowVersion });
        var second = await admin.PutJsonAsync($"/api/sites/{site.Id}", new { site.Code, name = "Second Edit", kind = "School", rowVersion = site.RowVersion });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("First Edit", (await (await admin.GetAsync($"/api/sites/{site.Id}")).ReadAsync<SiteDto>()).Name);
    }

    [DbFact]
    public async Task Update_ByPrincipalOfAnotherSite_Returns404AndChangesNothing()
    {
        var site = await app.CreateSiteAsync();
        var elsewhere = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, elsewhere.Id);

        var response = await principal.PutJsonAsync($"/api/sites/{site.Id}", new { site.Code, name = "Hijacked", kind = "School" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(site.Name, await app.WithDbAsync(async db => (await db.Sites.FindAsync(site.Id))!.Name));
    }

    [DbFact]
    public async Task Create_ByPrincipal_Returns403()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.ClientAsync(Role.Principal, site.Id);

        var response = await principal.PostJsonAsync("/api/sites", NewSite());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class SitesApiTests_Sqlite(SqliteApp app) : SitesApiTests(app), IClassFixture<SqliteApp>;

public sealed class SitesApiTests_Postgres(PostgresApp app) : SitesApiTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
