using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Vault;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

public sealed record ProtectedContactDto(int Id, string Owner, string PersonName, int? UserId, List<string> MaskedPhones, int AddressesOnFile, bool Intact,
    bool HasWrittenPermission, string? PermissionDocument, DateOnly? PermissionGrantedOn, Guid RowVersion);

public static class ProtectedContactData
{
    /// <summary>A North American number no other test uses: (562) NXX-XXXX.</summary>
    public static (string Typed, string Dotted, string Last4) Phone()
    {
        var exchange = Random.Shared.Next(200, 1000).ToString(CultureInfo.InvariantCulture);
        var line = Random.Shared.Next(1000, 10000).ToString(CultureInfo.InvariantCulture);
        return ($"(562) {exchange}-{line}", $"562.{exchange}.{line}", line);
    }

    /// <summary>A street address no other test uses, as typed and as a post would spell it.</summary>
    public static (string Typed, string InPost) Address()
    {
        var number = Random.Shared.Next(100, 9999).ToString(CultureInfo.InvariantCulture);
        var street = Name();
        return ($"{number} {street} Ave., Long Beach, CA 90806", $"{number} {street} Avenue");
    }
}

public abstract class ProtectedContactsTests(StewardApp app)
{
    const string Url = "/api/protected-contacts";

    async Task<int> CountAsync() => await app.WithDbAsync(db => db.ProtectedContacts.CountAsync());

    async Task<(StewardUser User, HttpClient Client)> StaffAsync()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        return (user, await app.ClientForUserAsync(user));
    }

    async Task<ScanDto> ScanAsync(string text) =>
        await (await (await app.AdminAsync()).PostJsonAsync("/api/compliance/scan", new { text })).ReadAsync<ScanDto>();

    [DbFact]
    public async Task StaffMember_ProtectsOwnHomePhone_ListedMasked_AndAPostWithItInAnotherSpellingBlocksCitingPrivacy5()
    {
        var (user, client) = await StaffAsync();
        var phone = ProtectedContactData.Phone();

        var created = await client.PostJsonAsync(Url, new { phones = new[] { phone.Typed } });
        var scan = await ScanAsync($"Carpool questions? Text Coach at {phone.Dotted} after practice.");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = await created.ReadAsync<ProtectedContactDto>();
        Assert.Equal("Staff", contact.Owner);
        Assert.Equal(user.Id, contact.UserId);
        Assert.Equal(user.FullName, contact.PersonName);
        Assert.Equal([$"•••-{phone.Last4}"], contact.MaskedPhones);
        Assert.Equal("Block", scan.Verdict);
        var finding = Assert.Single(scan.Findings, f => f.RuleId == "privacy-5.staff-home-contact");
        Assert.Equal("Privacy §5", finding.PolicyReference);
        Assert.Equal("Block", finding.Severity);
        Assert.DoesNotContain(user.FullName, finding.Message, StringComparison.Ordinal); // anyone may scan: the owner stays unnamed
    }

    [DbFact]
    public async Task OfficialsAddress_BlocksCitingPrivacy6_NotOnceTheirWrittenPermissionIsRecorded_AndNotAsAHomeContactOnceDeleted()
    {
        var admin = await app.AdminAsync();
        var address = ProtectedContactData.Address();
        var phone = ProtectedContactData.Phone();
        var text = $"Join Trustee Okonkwo's open house at {address.InPost} on Saturday, or call {phone.Dotted}.";
        var created = await (await admin.PostJsonAsync(Url, new
        {
            owner = "Official", personName = "Trustee Ada Okonkwo", phones = new[] { phone.Typed }, addresses = new[] { address.Typed },
        })).ReadAsync<ProtectedContactDto>();

        var without = await ScanAsync(text);
        var permitted = await admin.PutJsonAsync($"{Url}/{created.Id}", new
        {
            owner = "Official", personName = "Trustee Ada Okonkwo", hasWrittenPermission = true, permissionDocument = "BOARD-PERMIT-2026-07",
            permissionGrantedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), rowVersion = created.RowVersion,
        });
        var withPermission = await ScanAsync(text);
        var deleted = await admin.DeleteAsync($"{Url}/{created.Id}");
        var afterDelete = await ScanAsync(text);

        Assert.Equal("Block", without.Verdict);
        Assert.Equal(2, without.Findings.Count(f => f.RuleId == "privacy-6.official-home-contact" && f.PolicyReference == "Privacy §6" && f.Severity == "Block"));
        var updated = await permitted.ReadAsync<ProtectedContactDto>();
        Assert.True(updated.HasWrittenPermission);
        Assert.Equal([$"•••-{phone.Last4}"], updated.MaskedPhones); // phones left out of the PUT stay on file
        Assert.Equal(1, updated.AddressesOnFile);
        Assert.DoesNotContain(withPermission.Findings, f => f.PolicyReference is "Privacy §6" or "Privacy §5" || f.Category == "ContactInfo");
        Assert.NotEqual("Block", withPermission.Verdict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(afterDelete.Findings, f => f.Category == "StaffHomeContact");
        Assert.Contains(afterDelete.Findings, f => f.RuleId == "privacy-2.phone"); // an unknown number again, no longer someone's home
    }

    [DbFact]
    public async Task List_DistrictAdminSeesEveryEntry_EveryoneElseOnlyTheirOwn()
    {
        var (first, firstClient) = await StaffAsync();
        var (second, secondClient) = await StaffAsync();
        await firstClient.PostJsonAsync(Url, new { phones = new[] { ProtectedContactData.Phone().Typed } });
        await secondClient.PostJsonAsync(Url, new { addresses = new[] { ProtectedContactData.Address().Typed } });
        var principal = await app.ClientAsync(Role.Principal, (await app.CreateSiteAsync()).Id);

        var asFirst = await (await firstClient.GetAsync(Url)).ReadAsync<Page<ProtectedContactDto>>();
        var asPrincipal = await (await principal.GetAsync(Url)).ReadAsync<Page<ProtectedContactDto>>();
        var asAdmin = await (await (await app.AdminAsync()).GetAsync($"{Url}?pageSize=200")).ReadAsync<Page<ProtectedContactDto>>();

        Assert.Equal([first.Id], asFirst.Items.Select(c => c.UserId));
        Assert.Empty(asPrincipal.Items);
        Assert.Contains(asAdmin.Items, c => c.UserId == first.Id);
        Assert.Contains(asAdmin.Items, c => c.UserId == second.Id && c.AddressesOnFile == 1 && c.MaskedPhones.Count == 0);
    }

    [DbFact]
    public async Task StaffMember_MayNotProtectForSomeoneElseOrRecordAnOfficial_Returns403AndStoresNothing()
    {
        var (_, client) = await StaffAsync();
        var (other, _) = await StaffAsync();
        var before = await CountAsync();

        var forOther = await client.PostJsonAsync(Url, new { userId = other.Id, phones = new[] { ProtectedContactData.Phone().Typed } });
        var official = await client.PostJsonAsync(Url, new { owner = "Official", personName = "Trustee Someone", phones = new[] { ProtectedContactData.Phone().Typed } });

        await forOther.AssertProblemAsync(HttpStatusCode.Forbidden);
        await official.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync());
    }

    [DbFact]
    public async Task AnotherUsersEntry_UpdateAndDeleteAnswer404_AndLeaveItUnchanged()
    {
        var (_, owner) = await StaffAsync();
        var (_, stranger) = await StaffAsync();
        var principal = await app.ClientAsync(Role.Principal, (await app.CreateSiteAsync()).Id);
        var contact = await (await owner.PostJsonAsync(Url, new { phones = new[] { ProtectedContactData.Phone().Typed } })).ReadAsync<ProtectedContactDto>();

        var put = await stranger.PutJsonAsync($"{Url}/{contact.Id}", new { phones = new[] { ProtectedContactData.Phone().Typed }, rowVersion = contact.RowVersion });
        var delete = await stranger.DeleteAsync($"{Url}/{contact.Id}");
        var principalDelete = await principal.DeleteAsync($"{Url}/{contact.Id}");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, principalDelete.StatusCode);
        var stored = await app.WithDbAsync(db => db.ProtectedContacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id));
        Assert.Equal(contact.RowVersion, stored.Version);
    }

    [DbFact]
    public async Task Update_WithAStaleRowVersion_Returns409AndKeepsTheNewerEdit()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostJsonAsync(Url, new { personName = "Jamie Staffer", phones = new[] { ProtectedContactData.Phone().Typed } }))
            .ReadAsync<ProtectedContactDto>();
        var replacement = ProtectedContactData.Phone();
        var first = await admin.PutJsonAsync($"{Url}/{created.Id}", new { personName = "Jamie Staffer", phones = new[] { replacement.Typed }, rowVersion = created.RowVersion });

        var stale = await admin.PutJsonAsync($"{Url}/{created.Id}", new { personName = "Jamie Stale", rowVersion = created.RowVersion });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var list = await (await admin.GetAsync($"{Url}?pageSize=200")).ReadAsync<Page<ProtectedContactDto>>();
        var current = Assert.Single(list.Items, c => c.Id == created.Id);
        Assert.Equal("Jamie Staffer", current.PersonName);
        Assert.Equal([$"•••-{replacement.Last4}"], current.MaskedPhones);
    }

    [DbFact]
    public async Task SecondEntryForTheSameStaffMember_Returns409()
    {
        var (_, client) = await StaffAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync(Url, new { phones = new[] { ProtectedContactData.Phone().Typed } })).StatusCode);

        var again = await client.PostJsonAsync(Url, new { phones = new[] { ProtectedContactData.Phone().Typed } });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [DbTheory]
    [InlineData("not json at all", "body")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":\"5625550100\"}", "phones")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"call me maybe\"]}", "phones")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"555-0134\"]}", "phones")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134 ext. 12\"]}", "phones")]
    [InlineData("{\"personName\":\"Pat Doe\",\"addresses\":[\"   \"]}", "addresses")]
    [InlineData("{\"personName\":\"Pat Doe\",\"addresses\":[\"Main Street\"]}", "addresses")]
    [InlineData("{\"personName\":\"Pat Doe\"}", "phones")]
    [InlineData("{\"phones\":[\"(562) 555-0134\"]}", "personName")]
    [InlineData("{\"personName\":\" \",\"phones\":[\"(562) 555-0134\"]}", "personName")]
    [InlineData("{\"owner\":\"Boss\",\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"]}", "owner")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"hasWrittenPermission\":true}", "hasWrittenPermission")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"permissionDocument\":\"DOC-1\"}", "permissionDocument")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"permissionGrantedOn\":\"2026-01-05\"}", "permissionGrantedOn")]
    [InlineData("{\"owner\":\"Official\",\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"hasWrittenPermission\":true,\"permissionGrantedOn\":\"2026-01-05\"}", "permissionDocument")]
    [InlineData("{\"owner\":\"Official\",\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"hasWrittenPermission\":true,\"permissionDocument\":\"DOC-1\"}", "permissionGrantedOn")]
    [InlineData("{\"owner\":\"Official\",\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"hasWrittenPermission\":true,\"permissionDocument\":\"DOC-1\",\"permissionGrantedOn\":\"2999-01-05\"}", "permissionGrantedOn")]
    [InlineData("{\"owner\":\"Official\",\"personName\":\"Pat Doe\",\"phones\":[\"(562) 555-0134\"],\"permissionDocument\":\"DOC-1\"}", "hasWrittenPermission")]
    [InlineData("{\"owner\":\"Official\",\"personName\":\"Pat Doe\",\"userId\":1,\"phones\":[\"(562) 555-0134\"]}", "userId")]
    [InlineData("{\"userId\":99999999,\"phones\":[\"(562) 555-0134\"]}", "userId")]
    [InlineData("{\"personName\":\"Pat Doe\",\"phones\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}", "phones")]
    public async Task Create_BadInput_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var admin = await app.AdminAsync();
        var before = await CountAsync();

        var response = await admin.PostAsync(Url, Http.Raw(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.DoesNotContain("555-0134", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [DbTheory]
    [InlineData("not json at all", "body")]
    [InlineData("{\"personName\":\"Robin Staffer\",\"phones\":[\"call me maybe\"]}", "phones")]
    [InlineData("{\"personName\":\"Robin Staffer\",\"addresses\":[\"Main Street\"]}", "addresses")]
    [InlineData("{\"personName\":\" \"}", "personName")]
    [InlineData("{\"personName\":\"Robin Staffer\",\"rowVersion\":\"yesterday\"}", "rowVersion")]
    public async Task Update_BadInput_Returns400NamingTheFieldAndLeavesTheEntryAsItWas(string json, string field)
    {
        var admin = await app.AdminAsync();
        var phone = ProtectedContactData.Phone();
        var created = await (await admin.PostJsonAsync(Url, new { personName = "Robin Staffer", phones = new[] { phone.Typed } }))
            .ReadAsync<ProtectedContactDto>();

        var response = await admin.PutAsync($"{Url}/{created.Id}", Http.Raw(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        var after = await app.WithDbAsync(db => db.ProtectedContacts.AsNoTracking().SingleAsync(c => c.Id == created.Id));
        Assert.Equal(created.RowVersion, after.Version);
        Assert.Equal("Block", (await ScanAsync($"Call {phone.Dotted} tonight.")).Verdict); // the phone is still on file
    }

    [DbFact]
    public async Task Update_PermissionOnAStaffEntry_Returns400NamingIt()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostJsonAsync(Url, new { personName = "Robin Staffer", phones = new[] { ProtectedContactData.Phone().Typed } }))
            .ReadAsync<ProtectedContactDto>();

        var response = await admin.PutJsonAsync($"{Url}/{created.Id}", new
        {
            personName = "Robin Staffer", hasWrittenPermission = true, permissionDocument = "X-1", permissionGrantedOn = "2026-01-05", rowVersion = created.RowVersion,
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "hasWrittenPermission");
    }

    [DbFact]
    public async Task ProtectedPhoneAndAddress_NeverAppearInTheDatabaseFilesTheLogTheAuditOrAnyGet()
    {
        var admin = await app.AdminAsync();
        const string phone = "(562) 938-4417";
        const string address = "7731 Quillback Ave., Long Beach, CA 90815";
        var (_, staff) = await StaffAsync();
        var created = await (await staff.PostJsonAsync(Url, new { phones = new[] { phone }, addresses = new[] { address } })).ReadAsync<ProtectedContactDto>();
        await staff.PutJsonAsync($"{Url}/{created.Id}", new { phones = new[] { phone, "562-938-4418" }, rowVersion = created.RowVersion });
        var official = await (await admin.PostJsonAsync(Url, new { owner = "Official", personName = "Trustee Canary", addresses = new[] { address } })).ReadAsync<ProtectedContactDto>();
        await admin.DeleteAsync($"{Url}/{official.Id}");
        await ScanAsync("A harmless post about the science fair."); // compiles the context with the contacts

        var gets = new StringBuilder();
        foreach (var (client, url) in new[] { (staff, Url), (admin, $"{Url}?pageSize=200"), (admin, "/api/audit?pageSize=200"), (admin, "/api/users/me") })
            gets.Append(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "ProtectedContact").Select(e => e.Changes).ToListAsync());

        Assert.Contains("•••-4417", gets.ToString(), StringComparison.Ordinal);
        Assert.True(audit.Count >= 4, $"expected create, update, create and delete events, got {audit.Count}");
        Assert.Contains(audit, a => a.Contains("[redacted]", StringComparison.Ordinal));
        var haystacks = new List<(string Name, byte[] Bytes)>
        {
            ("log", Encoding.UTF8.GetBytes(app.Log.Text)), ("GET responses", Encoding.UTF8.GetBytes(gets.ToString())),
            ("audit", Encoding.UTF8.GetBytes(string.Join('\n', audit))),
        };
        haystacks.AddRange(SecretLeaks.DatabaseBytes(app));

        SecretLeaks.AssertAbsent([phone, "938-4417", "9384417", "562-938-4418", address, "7731 Quillback"], haystacks);
    }

    [DbFact]
    public async Task ContactProtectedOnOneNode_IsSeenByTheScannerOfAnother()
    {
        var key = app.Services.GetRequiredService<MasterKey>().ToBase64();
        await using var second = new SecondNode(app.IsPostgres ? "Postgres" : "Sqlite", app.ConnectionStringForOtherNodes, key);
        await second.InitializeAsync();
        var phone = ProtectedContactData.Phone();
        var text = $"Call {phone.Dotted} for rides.";
        var onSecond = await second.AdminAsync();
        Assert.DoesNotContain((await (await onSecond.PostJsonAsync("/api/compliance/scan", new { text })).ReadAsync<ScanDto>()).Findings,
            f => f.Category == "StaffHomeContact");

        var created = await (await app.AdminAsync()).PostJsonAsync(Url, new { personName = "Morgan Staffer", phones = new[] { phone.Typed } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scan = await (await onSecond.PostJsonAsync("/api/compliance/scan", new { text })).ReadAsync<ScanDto>();
        Assert.Contains(scan.Findings, f => f.RuleId == "privacy-5.staff-home-contact");
    }

    sealed class SecondNode(string provider, string connectionString, string masterKey) : StewardApp
    {
        protected override string Provider => provider;
        protected override string ConnectionString => connectionString;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Steward:Compliance:RefreshSeconds", "0"), new("Steward:Vault:MasterKey", masterKey)];
    }
}

public sealed class ProtectedContactsTests_Sqlite(SqliteApp app) : ProtectedContactsTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectedContactsTests_Postgres(PostgresApp app) : ProtectedContactsTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
