using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Compliance;

/// <summary>Protected home contacts stay private in scans, and cannot be a site's published contacts: findings of the security audit.</summary>
public abstract class ProtectedContactPrivacyTests(StewardApp app)
{
    const string Url = "/api/protected-contacts";

    [DbFact]
    public async Task Scan_OfAProtectedPhoneAndAddress_NeverNamesTheirOwner_ButKeepsCategoryAndSeverity()
    {
        var site = await app.CreateSiteAsync();
        var (owner, ownerClient) = await app.StaffAsync(site.Id);
        var phone = ProtectedContactData.Phone();
        var address = ProtectedContactData.Address();
        Assert.Equal(HttpStatusCode.Created, (await ownerClient.PostJsonAsync(Url, new { phones = new[] { phone.Typed }, addresses = new[] { address.Typed } })).StatusCode);
        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync(Url, new
        {
            owner = "Official", personName = "Trustee Zebulon Quist", phones = new[] { ProtectedContactData.Phone().Typed },
        })).StatusCode);
        var (_, colleague) = await app.StaffAsync(site.Id);

        var scan = await (await colleague.PostJsonAsync("/api/compliance/scan", new { text = $"Call {phone.Dotted}, or join the open house at {address.InPost} on Saturday." })).ReadAsync<ScanDto>();

        var findings = scan.Findings.Where(f => f.Category == "StaffHomeContact").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("Block", f.Severity));
        Assert.All(findings, f => Assert.DoesNotContain(owner.FullName, f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain(owner.FullName.Split(' ')[^1], f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains("protected list", f.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.ProtectedContacts.Select(c => c.PersonName).ToListAsync()),
            name => scan.Findings.Any(f => f.Message.Contains(name, StringComparison.Ordinal)));
    }

    [DbFact]
    public async Task Protect_ASitesPublishedPhoneOrAddress_Returns400NamingTheField_AndStoresNothing()
    {
        var admin = await app.AdminAsync();
        var phone = ProtectedContactData.Phone();
        var address = ProtectedContactData.Address();
        var code = app.Unique("P");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/sites",
            new { code, name = $"{code} High School", kind = "School", publicPhone = phone.Typed, publicAddress = address.Typed })).StatusCode);
        var (staff, client) = await app.StaffAsync((await app.CreateSiteAsync()).Id);
        var before = await app.WithDbAsync(db => db.ProtectedContacts.CountAsync());

        var byPhone = await client.PostJsonAsync(Url, new { phones = new[] { phone.Dotted } });
        var byAddress = await client.PostJsonAsync(Url, new { addresses = new[] { address.InPost } });
        var byAdmin = await admin.PostJsonAsync(Url, new { owner = "Official", personName = "Trustee Ima Sample", phones = new[] { phone.Typed } });

        await byPhone.AssertProblemAsync(HttpStatusCode.BadRequest, "phones");
        await byAddress.AssertProblemAsync(HttpStatusCode.BadRequest, "addresses");
        await byAdmin.AssertProblemAsync(HttpStatusCode.BadRequest, "phones");
        Assert.Equal(before, await app.WithDbAsync(db => db.ProtectedContacts.CountAsync()));
        app.Services.GetRequiredService<ScanContextProvider>().MarkChanged();
        var scan = await (await client.PostJsonAsync("/api/compliance/scan", new { text = $"Call the office at {phone.Dotted}." })).ReadAsync<ScanDto>();
        Assert.NotEqual("Block", scan.Verdict);
        // Another number is still protected.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync(Url, new { phones = new[] { ProtectedContactData.Phone().Typed } })).StatusCode);
        Assert.Equal(staff.Id, await app.WithDbAsync(db => db.ProtectedContacts.Where(c => c.UserId == staff.Id).Select(c => c.UserId).SingleAsync()));
    }
}

public sealed class ProtectedContactPrivacyTests_Sqlite(SqliteApp app) : ProtectedContactPrivacyTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectedContactPrivacyTests_Postgres(PostgresApp app) : ProtectedContactPrivacyTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;

public sealed class ScanRateLimitedApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Steward:RateLimits:ScansPerMinute", "3")];
}

public sealed class ScanRateLimitTests(ScanRateLimitedApp app) : IClassFixture<ScanRateLimitedApp>
{
    [Fact]
    public async Task Scan_MoreThanTheLimitPerMinute_Returns429Problem_CountedPerUser()
    {
        var site = await app.CreateSiteAsync();
        var (_, first) = await app.StaffAsync(site.Id);
        var (_, second) = await app.StaffAsync(site.Id);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await first.PostJsonAsync("/api/compliance/scan", new { text = $"Call 562-555-01{i:00}." })).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        var limited = await first.PostJsonAsync("/api/compliance/scan", new { text = "One more." });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await second.PostJsonAsync("/api/compliance/scan", new { text = "Another user's scan." })).StatusCode);
    }
}
