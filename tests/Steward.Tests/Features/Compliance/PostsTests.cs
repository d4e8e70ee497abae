using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Compliance;

public abstract class PostsTests(StewardApp app)
{
    const string Clean = "Great win for the volleyball team tonight! Next match Friday at 6.";
    const string Blocked = "Questions? Text Coach at 562-555-0134.";
    const string NeedsReview = "Hoodies on sale now for $35! Use promo code BRUINS10 at checkout.";

    sealed record Setup(int SiteId, Account Account, StewardUser Manager, HttpClient Author, HttpClient Principal);

    async Task<Setup> SetupAsync(AccountStatus status = AccountStatus.Approved)
    {
        var site = await app.CreateSiteAsync();
        var (manager, author) = await app.StaffAsync(site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id, status);
        return new Setup(site.Id, account, manager, author, await app.ClientAsync(Role.Principal, site.Id));
    }

    static async Task<PostDto> CreateAsync(HttpClient client, int accountId, string text, string? outside = null)
    {
        var response = await client.PostJsonAsync("/api/posts", new { accountId, text, outsideOrganization = outside, links = new[] { "https://example.org/schedule" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<PostDto>();
    }

    static async Task<PostDto> SubmitAsync(HttpClient client, int id) => await (await client.PostAsync($"/api/posts/{id}/submit", null)).ReadAsync<PostDto>();

    Task<PostStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    [DbFact]
    public async Task Create_ByManager_Returns201DraftWithItsScan()
    {
        var s = await SetupAsync();

        var response = await s.Author.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = Blocked });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        var post = await response.ReadAsync<PostDto>();
        Assert.Equal(("Draft", s.Manager.Id, s.SiteId), (post.Status, post.AuthorUserId, post.SiteId));
        Assert.Equal("Block", post.Scan.Verdict);
        var phone = Assert.Single(post.Scan.Findings, f => f.Category == "ContactInfo");
        Assert.Equal("562-555-0134", Blocked.Substring(phone.Start, phone.Length));
    }

    [DbFact]
    public async Task Create_ForAccountNotApproved_Returns409_ByStaffWhoDoesNotManageIt_403_ForUnseenAccount_400()
    {
        var pending = await SetupAsync(AccountStatus.Pending);
        var s = await SetupAsync();
        var (_, otherStaff) = await app.StaffAsync(s.SiteId);
        var elsewhere = await app.ClientAsync(Role.Principal, (await app.CreateSiteAsync()).Id);
        var before = await app.WithDbAsync(db => db.Posts.CountAsync());

        await (await pending.Author.PostJsonAsync("/api/posts", new { accountId = pending.Account.Id, text = Clean })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await otherStaff.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = Clean })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await elsewhere.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = Clean })).AssertProblemAsync(HttpStatusCode.BadRequest, "accountId");
        await (await s.Author.PostJsonAsync("/api/posts", new { accountId = 99999999, text = Clean })).AssertProblemAsync(HttpStatusCode.BadRequest, "accountId");
        Assert.Equal(before, await app.WithDbAsync(db => db.Posts.CountAsync()));
    }

    [DbFact]
    public async Task CleanPost_SubmitApprovePublish_EndsPublishedWithPublishedAt()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, Clean);

        var submitted = await SubmitAsync(s.Author, post.Id);
        var early = await s.Author.PostAsync($"/api/posts/{post.Id}/publish", null);
        var approved = await (await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { })).ReadAsync<PostDto>();
        var published = await (await s.Author.PostAsync($"/api/posts/{post.Id}/publish", null)).ReadAsync<PostDto>();
        var edit = await s.Author.PutJsonAsync($"/api/posts/{post.Id}", new { text = "Changed after publishing", rowVersion = published.RowVersion });

        Assert.Equal("Submitted", submitted.Status);
        await early.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Approved", approved.Status);
        Assert.Equal("Published", published.Status);
        Assert.NotNull(published.PublishedAt);
        await edit.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PostStatus.Published, await StatusAsync(post.Id));
    }

    [DbFact]
    public async Task Publish_AfterTheStudentsConsentWasRevokedSinceApproval_Returns409KeepsItApprovedAndShowsTheBlock()
    {
        var s = await SetupAsync();
        var student = await app.StudentAsync(s.SiteId);
        var consent = await (await s.Principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents", ComplianceData.ConsentBody())).ReadAsync<ConsentDto>();
        var response = await s.Author.PostJsonAsync("/api/posts", new
        {
            accountId = s.Account.Id,
            text = $"Congratulations to {student.FirstName} {student.LastName} on the science fair win!",
            imageSubjects = new[] { new { studentId = student.StudentNumber } },
        });
        var post = await response.ReadAsync<PostDto>();
        await SubmitAsync(s.Author, post.Id);
        var approved = await (await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { })).ReadAsync<PostDto>();
        Assert.Equal("Approved", approved.Status);
        Assert.NotEqual("Block", approved.Scan.Verdict);

        await s.Principal.DeleteAsync($"/api/students/{student.StudentNumber}/consents/{consent.Id}");
        var refused = await s.Author.PostAsync($"/api/posts/{post.Id}/publish", null);

        await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        var after = await (await s.Author.GetAsync($"/api/posts/{post.Id}")).ReadAsync<PostDto>();
        Assert.Equal("Approved", after.Status);
        Assert.Null(after.PublishedAt);
        Assert.Equal("Block", after.Scan.Verdict);
        Assert.Contains(after.Scan.Findings, f => f.Category == "PhotoConsent");

        // Consent recorded again: the same approval now publishes.
        await s.Principal.PostJsonAsync($"/api/students/{student.StudentNumber}/consents", ComplianceData.ConsentBody());
        var published = await (await s.Author.PostAsync($"/api/posts/{post.Id}/publish", null)).ReadAsync<PostDto>();
        Assert.Equal("Published", published.Status);
        Assert.NotEqual("Block", published.Scan.Verdict);
    }

    [DbFact]
    public async Task Approve_PostWithBlockFinding_Returns409AndLeavesItSubmitted()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, Blocked);
        await SubmitAsync(s.Author, post.Id);

        var response = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { justification = "Coach asked for it." });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PostStatus.Submitted, await StatusAsync(post.Id));
    }

    [DbFact]
    public async Task Approve_PostWithReviewFinding_NeedsAJustification()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, NeedsReview);
        Assert.Equal("Review", post.Scan.Verdict);
        await SubmitAsync(s.Author, post.Id);

        var without = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { });
        var emptyBody = await s.Principal.PostAsync($"/api/posts/{post.Id}/approve", null);
        var with = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { justification = "ASB fundraiser approved by the principal." });

        await without.AssertProblemAsync(HttpStatusCode.BadRequest, "justification");
        await emptyBody.AssertProblemAsync(HttpStatusCode.BadRequest, "justification");
        var approved = await with.ReadAsync<PostDto>();
        Assert.Equal(("Approved", "ASB fundraiser approved by the principal."), (approved.Status, approved.Justification));
    }

    [DbFact]
    public async Task Approve_OwnPost_Returns409()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Principal, s.Account.Id, Clean);
        await SubmitAsync(s.Principal, post.Id);

        var response = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PostStatus.Submitted, await StatusAsync(post.Id));
    }

    [DbFact]
    public async Task OutsideOrganizationContent_IsApprovedByDistrictAdminAlone()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, "The Lions Club invites families to its pancake breakfast on Saturday.", outside: "Lions Club");
        Assert.Contains(post.Scan.Findings, f => f.Category == "OutsideContent");
        await SubmitAsync(s.Author, post.Id);
        var admin = await app.ClientAsync(Role.DistrictAdmin);

        var byPrincipal = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { justification = "Community event." });
        var byAdmin = await admin.PostJsonAsync($"/api/posts/{post.Id}/approve", new { justification = "Benefits our families (Booster §5)." });

        await byPrincipal.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Approved", (await byAdmin.ReadAsync<PostDto>()).Status);
    }

    [DbFact]
    public async Task Edit_SubmittedPost_GoesBackToDraftAndIsRescanned_AStaleVersionIs409()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, Blocked);
        var submitted = await SubmitAsync(s.Author, post.Id);

        var edited = await (await s.Author.PutJsonAsync($"/api/posts/{post.Id}", new { text = Clean, rowVersion = submitted.RowVersion })).ReadAsync<PostDto>();
        var stale = await s.Author.PutJsonAsync($"/api/posts/{post.Id}", new { text = Blocked, rowVersion = submitted.RowVersion });
        var noVersion = await s.Author.PutJsonAsync($"/api/posts/{post.Id}", new { text = Blocked });

        Assert.Equal(("Draft", "Pass"), (edited.Status, edited.Scan.Verdict));
        Assert.DoesNotContain(edited.Scan.Findings, f => f.Category == "ContactInfo");
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        await noVersion.AssertProblemAsync(HttpStatusCode.BadRequest, "rowVersion");
        Assert.Equal(Clean, await app.WithDbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.Text).SingleAsync()));
    }

    [DbFact]
    public async Task Reject_NeedsAReason_ThenRecordsIt()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, Clean);
        await SubmitAsync(s.Author, post.Id);

        var noReason = await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/reject", new { });
        var rejected = await (await s.Principal.PostJsonAsync($"/api/posts/{post.Id}/reject", new { reason = "Add the match location." })).ReadAsync<PostDto>();
        var resubmit = await s.Author.PostAsync($"/api/posts/{post.Id}/submit", null);

        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Equal(("Rejected", "Add the match location."), (rejected.Status, rejected.RejectionReason));
        await resubmit.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [DbFact]
    public async Task OtherSite_SeesNothing_404()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, Clean);
        await SubmitAsync(s.Author, post.Id);
        var other = await app.ClientAsync(Role.Principal, (await app.CreateSiteAsync()).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/posts/{post.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync($"/api/posts/{post.Id}/approve", new { })).StatusCode);
        Assert.Empty((await (await other.GetAsync($"/api/posts?accountId={s.Account.Id}")).ReadAsync<Page<PostDto>>()).Items);
        Assert.Equal(PostStatus.Submitted, await StatusAsync(post.Id));
    }

    [DbFact]
    public async Task List_FiltersByAccountAndStatus()
    {
        var s = await SetupAsync();
        var draft = await CreateAsync(s.Author, s.Account.Id, Clean);
        var submitted = await CreateAsync(s.Author, s.Account.Id, Clean);
        await SubmitAsync(s.Author, submitted.Id);

        var page = await (await s.Principal.GetAsync($"/api/posts?accountId={s.Account.Id}&status=Submitted")).ReadAsync<Page<PostDto>>();
        var all = await (await s.Author.GetAsync($"/api/posts?accountId={s.Account.Id}")).ReadAsync<Page<PostDto>>();

        Assert.Equal(submitted.Id, Assert.Single(page.Items).Id);
        Assert.Equal([submitted.Id, draft.Id], all.Items.Select(p => p.Id).Order().Reverse());
        await (await s.Author.GetAsync("/api/posts?status=Lost")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [DbFact]
    public async Task Create_WithAPromoCodeInALinkBesideTheText_IsReviewedAsCommercial_HttpAndHttpsLinksAreAccepted()
    {
        var s = await SetupAsync();
        string[] links = ["http://example.org/schedule", "https://shop.example.com/?promo=SAVE10"];

        var response = await s.Author.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = Clean, links });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var post = await response.ReadAsync<PostDto>();
        Assert.Equal(links, post.Links);
        Assert.Equal("Review", post.Scan.Verdict);
        var finding = Assert.Single(post.Scan.Findings);
        Assert.Equal(("Commercial", "Discipline §1"), (finding.Category, finding.PolicyReference));
        Assert.Contains(links[1], finding.Message, StringComparison.Ordinal);
        await (await s.Author.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = Clean, links = new[] { "ftp://example.org/a" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "links");
    }

    [DbTheory]
    [InlineData("not json at all", "body")]
    [InlineData("{\"accountId\":\"x\",\"text\":\"hi\"}", "accountId")]
    [InlineData("{\"accountId\":1}", "text")]
    [InlineData("{\"accountId\":1,\"text\":\"hi\",\"links\":[\"javascript:alert(1)\"]}", "links")]
    [InlineData("{\"accountId\":1,\"text\":\"hi\",\"outsideOrganization\":5}", "outsideOrganization")]
    public async Task Create_BadInput_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var s = await SetupAsync();
        var before = await app.WithDbAsync(db => db.Posts.CountAsync());

        var response = await s.Author.PostAsync("/api/posts", Http.Raw(json.Replace("\"accountId\":1,", $"\"accountId\":{s.Account.Id},", StringComparison.Ordinal)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Posts.CountAsync()));
    }

    [DbFact]
    public async Task Create_OverlongText_Returns400_UnknownPost_404()
    {
        var s = await SetupAsync();

        await (await s.Author.PostJsonAsync("/api/posts", new { accountId = s.Account.Id, text = new string('a', 10_001) })).AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        Assert.Equal(HttpStatusCode.NotFound, (await s.Author.GetAsync("/api/posts/99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Author.PostAsync("/api/posts/99999999/submit", null)).StatusCode);
    }

    [DbFact]
    public async Task EveryChange_WritesAnAuditEvent()
    {
        var s = await SetupAsync();
        var post = await CreateAsync(s.Author, s.Account.Id, Clean);
        await SubmitAsync(s.Author, post.Id);

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Post" && e.EntityId == post.Id.ToString()).CountAsync());

        Assert.Equal(2, events);
    }
}

public sealed class PostsTests_Sqlite(SqliteApp app) : PostsTests(app), IClassFixture<SqliteApp>;

public sealed class PostsTests_Postgres(PostgresApp app) : PostsTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
