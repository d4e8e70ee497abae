using System.Net;
using System.Text.RegularExpressions;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Features.Compliance.ComplianceData;

namespace Steward.Tests.Features.Compliance;

public abstract partial class CompliancePagesTests(StewardApp app)
{
    async Task<PageClient> SignedInAsync(StewardUser user)
    {
        var pages = new PageClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(user.Email!)).StatusCode);
        return pages;
    }

    [DbFact]
    public async Task PostEditor_MarksThePhoneAndTheUnconsentedStudentInline_ThenTheFixedPostPasses()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var student = await app.StudentAsync(site.Id);
        var pages = await SignedInAsync(manager);

        var saved = await pages.PostFormAsync("/posts/new", new Dictionary<string, string>
        {
            ["Form.AccountId"] = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Text"] = $"Well done {student.FirstName} {student.LastName}! Call 562-555-0134 for photos.",
            ["Form.ImageSubjects"] = student.StudentNumber,
        }, "/posts/new?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editUrl = saved.Headers.Location!.ToString();
        var html = WebUtility.HtmlDecode(await pages.GetHtmlAsync(editUrl));

        Assert.Contains(">562-555-0134</mark>", html, StringComparison.Ordinal);
        Assert.Contains($">{student.FirstName} {student.LastName}</mark>", html, StringComparison.Ordinal);
        Assert.Contains("Privacy §2", html, StringComparison.Ordinal);
        Assert.Contains("Privacy §3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        var id = int.Parse(PostId().Match(editUrl).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rowVersion = RowVersion().Match(html).Groups[1].Value;
        var fixedPost = await pages.PostFormAsync(editUrl, new Dictionary<string, string>
        {
            ["Form.AccountId"] = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Text"] = "Well done to our science fair team! Ask the front office for photos.",
            ["Form.ImageSubjects"] = student.StudentNumber,
            ["Form.RowVersion"] = rowVersion,
        }, $"/posts/{id}/edit?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, fixedPost.StatusCode);
        var details = await pages.GetHtmlAsync($"/posts/{id}");
        Assert.DoesNotContain("<mark", details, StringComparison.Ordinal);
        Assert.Contains("Submitted", details, StringComparison.Ordinal);
    }

    /// <summary>A new site with an approved account, and its manager's API client.</summary>
    async Task<(int SiteId, int AccountId, HttpClient Author)> SiteAccountAsync()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        return (site.Id, account.Id, await app.ClientForUserAsync(manager));
    }

    static async Task<PostDto> PostWithPhotoAsync(HttpClient author, int accountId, string text, string studentId) =>
        await (await author.PostJsonAsync("/api/posts", new { accountId, text, imageSubjects = new[] { new { studentId } } })).ReadAsync<PostDto>();

    [DbFact]
    public async Task PostPage_NamesThePhotosStudentsWithTheirConsent_ToThoseWhoMaySeeTheRoster()
    {
        var (siteId, accountId, author) = await SiteAccountAsync();
        var student = await app.StudentAsync(siteId);
        var post = await PostWithPhotoAsync(author, accountId, "Science fair winners!", student.StudentNumber);
        var principal = await app.CreateUserAsync(Role.Principal, siteId);
        var ethics = await app.CreateUserAsync(Role.EthicsOffice);

        var before = WebUtility.HtmlDecode(await (await SignedInAsync(principal)).GetHtmlAsync($"/posts/{post.Id}"));
        await (await app.ClientForUserAsync(principal)).PostJsonAsync($"/api/students/{student.StudentNumber}/consents", ConsentBody());
        var after = WebUtility.HtmlDecode(await (await SignedInAsync(principal)).GetHtmlAsync($"/posts/{post.Id}"));
        var forEthics = WebUtility.HtmlDecode(await (await SignedInAsync(ethics)).GetHtmlAsync($"/posts/{post.Id}"));

        Assert.Contains($">{student.FirstName} {student.LastName}</a> ({student.StudentNumber})", before, StringComparison.Ordinal);
        Assert.Contains("no photo-with-name consent", before, StringComparison.Ordinal);
        Assert.Contains("photo-with-name consent on file", after, StringComparison.Ordinal);
        Assert.DoesNotContain("no photo-with-name consent", after, StringComparison.Ordinal);
        // The Ethics Office reads every post but not the roster: the ID only, no name, no consent.
        Assert.Contains(student.StudentNumber, forEthics, StringComparison.Ordinal);
        Assert.DoesNotContain($"{student.FirstName} {student.LastName}</a>", forEthics, StringComparison.Ordinal);
        Assert.DoesNotContain("consent on file", forEthics, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task StudentPage_ListsThePostsWithTheStudentInThePhoto_AndNoOthers()
    {
        var (siteId, accountId, author) = await SiteAccountAsync();
        var pictured = await app.StudentAsync(siteId);
        var other = await app.StudentAsync(siteId);
        var withPictured = await PostWithPhotoAsync(author, accountId, "Robotics build night in the lab.", pictured.StudentNumber);
        var withOther = await PostWithPhotoAsync(author, accountId, "Chess club at the regional finals.", other.StudentNumber);
        var principal = await SignedInAsync(await app.CreateUserAsync(Role.Principal, siteId));

        var html = WebUtility.HtmlDecode(await principal.GetHtmlAsync($"/students/{pictured.StudentNumber}"));
        var otherHtml = WebUtility.HtmlDecode(await principal.GetHtmlAsync($"/students/{other.StudentNumber}"));

        Assert.Contains($"href=\"/posts/{withPictured.Id}\">Robotics build night in the lab.</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/posts/{withOther.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/posts/{withOther.Id}\">Chess club", otherHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/posts/{withPictured.Id}\"", otherHtml, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ReviewQueue_ShowsTheSitesSubmittedPost_AndTheLeadApprovesIt()
    {
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, AccountStatus.Approved);
        var post = await app.PostAsync(account, PostStatus.Submitted, "Spirit week starts Monday!");
        var principal = await app.CreateUserAsync(Role.Principal, site.Id);
        var pages = await SignedInAsync(principal);

        var queue = await pages.GetHtmlAsync("/posts/review");
        var approve = await pages.PostFormAsync($"/posts/{post.Id}", new Dictionary<string, string> { ["justification"] = "" }, $"/posts/{post.Id}?handler=Approve");

        Assert.Contains($"/posts/{post.Id}", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Contains("Approved", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task StudentPages_SearchImportAndConsent()
    {
        var site = await app.CreateSiteAsync();
        var principal = await app.CreateUserAsync(Role.Principal, site.Id);
        var student = await app.StudentAsync(site.Id);
        var pages = await SignedInAsync(principal);

        var search = await pages.GetHtmlAsync($"/students?q={student.LastName}");
        var granted = await pages.PostFormAsync($"/students/{student.StudentNumber}", new Dictionary<string, string>
        {
            ["Grant.GrantedBy"] = "Pat Guardian", ["Grant.GrantedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), ["Grant.DocumentReference"] = "FORM-77",
        }, $"/students/{student.StudentNumber}?handler=Grant");

        var withConsent = await pages.GetHtmlAsync($"/students?siteId={site.Id}&consent=current");
        var withoutConsent = await pages.GetHtmlAsync($"/students?siteId={site.Id}&consent=none");

        Assert.Contains(student.StudentNumber, search, StringComparison.Ordinal);
        Assert.Contains("Import a roster file", search, StringComparison.Ordinal);
        Assert.Contains("Import signed consent forms", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains("Consent recorded", await granted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(student.StudentNumber, withConsent, StringComparison.Ordinal);
        Assert.Contains("<option value=\"current\" selected=\"selected\">", withConsent, StringComparison.Ordinal);
        Assert.DoesNotContain(student.StudentNumber, withoutConsent, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/posts/(\d+)/edit")]
    private static partial Regex PostId();

    [GeneratedRegex("name=\"Form.RowVersion\" value=\"([^\"]+)\"")]
    private static partial Regex RowVersion();
}

public sealed class CompliancePagesTests_Sqlite(SqliteApp app) : CompliancePagesTests(app), IClassFixture<SqliteApp>;

public sealed class CompliancePagesTests_Postgres(PostgresApp app) : CompliancePagesTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
