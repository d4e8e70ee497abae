using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Compliance;

/// <summary>Who may reach a post, decide on it, and name students in its photo: findings of the security audit.</summary>
public abstract class PostAccessTests(StewardApp app)
{
    const string Clean = "Great win for the volleyball team tonight! Next match Friday at 6.";

    [DbFact]
    public async Task Coach_WhoseStaffRoleWasRemoved_NoLongerReadsEditsOrPublishesTheirPosts_404()
    {
        var site = await app.CreateSiteAsync();
        var (coach, client) = await app.StaffAsync(site.Id);
        var account = await app.SeedAsync(site.Id, coach.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var draft = await (await client.PostJsonAsync("/api/posts", new { accountId = account.Id, text = Clean })).ReadAsync<PostDto>();
        var approved = await (await client.PostJsonAsync("/api/posts", new { accountId = account.Id, text = Clean })).ReadAsync<PostDto>();
        await (await client.PostAsync($"/api/posts/{approved.Id}/submit", null)).ReadAsync<PostDto>();
        await (await principal.PostJsonAsync($"/api/posts/{approved.Id}/approve", new { })).ReadAsync<PostDto>();

        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteJsonAsync($"/api/users/{coach.Id}/roles", new { role = "Staff", siteId = site.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/posts/{draft.Id}")).StatusCode);
        Assert.Empty((await (await client.GetAsync($"/api/posts?accountId={account.Id}")).ReadAsync<Page<PostDto>>()).Items);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PutJsonAsync($"/api/posts/{draft.Id}", new { text = "Changed after leaving", rowVersion = draft.RowVersion })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/posts/{approved.Id}/publish", null)).StatusCode);
        var stored = await app.WithDbAsync(db => db.Posts.Where(p => p.Id == draft.Id || p.Id == approved.Id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(Clean, stored[0].Text);
        Assert.Equal(PostStatus.Approved, stored[1].Status);
    }

    [DbFact]
    public async Task Principal_WhoRewroteTheCoachsPost_CannotApproveOrRejectIt_409_AnotherLeadCan()
    {
        var site = await app.CreateSiteAsync();
        var (coach, client) = await app.StaffAsync(site.Id);
        var account = await app.SeedAsync(site.Id, coach.Id);
        var principal = await app.ClientAsync(Role.Principal, site.Id);
        var post = await (await client.PostJsonAsync("/api/posts", new { accountId = account.Id, text = Clean })).ReadAsync<PostDto>();

        var edited = await (await principal.PutJsonAsync($"/api/posts/{post.Id}", new { text = "Words the principal chose.", rowVersion = post.RowVersion }))
            .ReadAsync<PostDto>();
        await (await principal.PostAsync($"/api/posts/{edited.Id}/submit", null)).ReadAsync<PostDto>();
        var approve = await principal.PostJsonAsync($"/api/posts/{post.Id}/approve", new { });
        var reject = await principal.PostJsonAsync($"/api/posts/{post.Id}/reject", new { reason = "Not mine to decide." });

        await approve.AssertProblemAsync(HttpStatusCode.Conflict);
        await reject.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PostStatus.Submitted, await app.WithDbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.Status).SingleAsync()));
        var designee = await app.ClientAsync(Role.SiteDesignee, site.Id);
        Assert.Equal("Approved", (await (await designee.PostJsonAsync($"/api/posts/{post.Id}/approve", new { })).ReadAsync<PostDto>()).Status);
    }

    [DbFact]
    public async Task Scan_And_Post_WithAnotherSitesStudentInThePhoto_AnswerAsForAnUnknownId()
    {
        var whs = await app.CreateSiteAsync();
        var mhs = await app.CreateSiteAsync();
        var (coach, client) = await app.StaffAsync(whs.Id);
        var account = await app.SeedAsync(whs.Id, coach.Id);
        var elsewhere = await app.StudentAsync(mhs.Id);
        var unknown = ComplianceData.StudentId();

        async Task<string> ScanAsync(string id) => (await (await client.PostJsonAsync("/api/compliance/scan",
            new { text = Clean, imageSubjects = new[] { new { studentId = id } } })).AssertProblemAsync(HttpStatusCode.BadRequest, "imageSubjects"))
            .GetProperty("errors").GetProperty("imageSubjects")[0].GetString()!.Replace(id, "ID", StringComparison.Ordinal);
        async Task<string> PostAsync(string id) => (await (await client.PostJsonAsync("/api/posts",
            new { accountId = account.Id, text = Clean, imageSubjects = new[] { new { studentId = id } } })).AssertProblemAsync(HttpStatusCode.BadRequest, "imageSubjects"))
            .GetProperty("errors").GetProperty("imageSubjects")[0].GetString()!.Replace(id, "ID", StringComparison.Ordinal);

        Assert.Equal(await ScanAsync(unknown), await ScanAsync(elsewhere.StudentNumber));
        Assert.Equal(await PostAsync(unknown), await PostAsync(elsewhere.StudentNumber));
        // The district-wide roster reader still names any student.
        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/compliance/scan",
            new { text = Clean, imageSubjects = new[] { new { studentId = elsewhere.StudentNumber } } })).StatusCode);
    }
}

public sealed class PostAccessTests_Sqlite(SqliteApp app) : PostAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostAccessTests_Postgres(PostgresApp app) : PostAccessTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
