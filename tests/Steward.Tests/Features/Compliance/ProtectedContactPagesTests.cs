using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Compliance;

public abstract class ProtectedContactPagesTests(StewardApp app)
{
    async Task<PageClient> SignedInAsync(string email)
    {
        var pages = new PageClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(email)).StatusCode);
        return pages;
    }

    [DbFact]
    public async Task Profile_StaffMemberProtectsOwnPhoneAndAddress_SeesThemMaskedOnly_AndCanRemoveThem()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var pages = await SignedInAsync(user.Email!);
        var phone = ProtectedContactData.Phone();
        var address = ProtectedContactData.Address();

        var saved = await pages.PostFormAsync("/profile", new Dictionary<string, string> { ["phones"] = phone.Typed, ["addresses"] = address.Typed },
            "/profile?handler=Protect");
        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Your home contacts are protected", html, StringComparison.Ordinal);
        Assert.Contains($"•••-{phone.Last4}", html, StringComparison.Ordinal);
        Assert.Contains("Address on file", html, StringComparison.Ordinal);
        Assert.DoesNotContain(phone.Typed, html, StringComparison.Ordinal);
        Assert.DoesNotContain(address.Typed.Split(',')[0], html, StringComparison.Ordinal);
        Assert.Equal(user.FullName, await app.WithDbAsync(db => db.ProtectedContacts.Where(c => c.UserId == user.Id).Select(c => c.PersonName).SingleAsync()));

        var removed = await pages.PostFormAsync("/profile", new Dictionary<string, string>(), "/profile?handler=Unprotect");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ProtectedContacts.AnyAsync(c => c.UserId == user.Id)));
    }

    [DbFact]
    public async Task Profile_PhoneThatIsNotANumber_ShowsTheErrorAndDoesNotEchoIt()
    {
        var user = await app.CreateUserAsync(Role.Staff, (await app.CreateSiteAsync()).Id);
        var pages = await SignedInAsync(user.Email!);

        var response = await pages.PostFormAsync("/profile", new Dictionary<string, string> { ["phones"] = "ring me at 12" }, "/profile?handler=Protect");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Phone 1 is not a phone number", html, StringComparison.Ordinal);
        Assert.Contains("usa-form-group--error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ring me at 12", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ProtectedContacts.AnyAsync(c => c.UserId == user.Id)));
    }

    [DbFact]
    public async Task AdminPage_AddsAnOfficial_ListsItMasked_EditRecordsPermission_AndRemoves()
    {
        var pages = await SignedInAsync(StewardApp.AdminEmail);
        var phone = ProtectedContactData.Phone();
        var name = "Trustee " + ComplianceData.Name();

        var added = await pages.PostFormAsync("/protected-contacts", new Dictionary<string, string>
        {
            ["Form.Owner"] = "Official", ["Form.PersonName"] = name, ["Form.Phones"] = phone.Typed,
        });
        var list = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        var id = await app.WithDbAsync(db => db.ProtectedContacts.Where(c => c.PersonName == name).Select(c => c.Id).SingleAsync());
        var version = await app.WithDbAsync(db => db.ProtectedContacts.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var edited = await pages.PostFormAsync($"/protected-contacts/{id}", new Dictionary<string, string>
        {
            ["Form.Owner"] = "Official", ["Form.PersonName"] = name, ["Form.HasWrittenPermission"] = "true", ["Form.PermissionDocument"] = "BOARD-2026-11",
            ["Form.PermissionGrantedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.RowVersion"] = version.ToString(),
        }, $"/protected-contacts/{id}?handler=Save");
        var editedHtml = WebUtility.HtmlDecode(await edited.Content.ReadAsStringAsync());
        var removed = await pages.PostFormAsync($"/protected-contacts/{id}", new Dictionary<string, string>(), $"/protected-contacts/{id}?handler=Delete");

        Assert.Contains($"{name}'s home contacts are protected", list, StringComparison.Ordinal);
        Assert.Contains($"•••-{phone.Last4}", list, StringComparison.Ordinal);
        Assert.DoesNotContain(phone.Typed, list, StringComparison.Ordinal);
        Assert.Contains("Saved.", editedHtml, StringComparison.Ordinal);
        Assert.Contains($"On file: •••-{phone.Last4}", editedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ProtectedContacts.AnyAsync(c => c.Id == id)));
    }

    [DbFact]
    public async Task AdminPage_PermissionOnAStaffEntry_ShowsTheFieldErrorAndStoresNothing()
    {
        var pages = await SignedInAsync(StewardApp.AdminEmail);
        var name = "Staffer " + ComplianceData.Name();

        var response = await pages.PostFormAsync("/protected-contacts", new Dictionary<string, string>
        {
            ["Form.Owner"] = "Staff", ["Form.PersonName"] = name, ["Form.Phones"] = ProtectedContactData.Phone().Typed, ["Form.HasWrittenPermission"] = "true",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("id=\"Form_HasWrittenPermission-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Privacy §5", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ProtectedContacts.AnyAsync(c => c.PersonName == name)));
    }

    [DbFact]
    public async Task AdminPage_IsForDistrictAdminOnly()
    {
        var principal = await app.CreateUserAsync(Role.Principal, (await app.CreateSiteAsync()).Id);
        var pages = await SignedInAsync(principal.Email!);

        var response = await pages.Http.GetAsync("/protected-contacts");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Protect a home contact", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class ProtectedContactPagesTests_Sqlite(SqliteApp app) : ProtectedContactPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectedContactPagesTests_Postgres(PostgresApp app) : ProtectedContactPagesTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
