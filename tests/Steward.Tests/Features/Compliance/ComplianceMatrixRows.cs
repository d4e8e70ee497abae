using System.Net.Http.Json;
using Steward.Features.Compliance;
using Steward.Features.Registry;
using Steward.Tests.Features.Compliance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Security;

/// <summary>The authorization matrix's rows for the Compliance endpoints (students, consents, scan, posts).</summary>
public sealed partial class AuthorizationMatrixTests
{
    static readonly (Actor, int)[] OtherDistrictRoles = [(Actor.Deputy, 403), (Actor.Ethics, 403), (Actor.SocialMedia, 403), (Actor.PublicInfo, 403)];

    /// <summary>Leads of site A and DistrictAdmin may; staff of A may see but not act; site B cannot see it.</summary>
    static Dictionary<Actor, int> LeadsOfAMay(int ok, int staffA = 403, int district = 403) => Expect(district,
        (Actor.StaffA, staffA), (Actor.StaffB, 404), (Actor.PrincipalB, 404), (Actor.DesigneeA, ok), (Actor.PrincipalA, ok), (Actor.DistrictAdmin, ok));

    static async Task<Post> PostAtA(Context c, PostStatus status, string text = "Great game tonight!") =>
        await c.App.PostAsync(await c.AccountAtA(AccountStatus.Approved), status, text);

    static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body, options: Http.Json) };

    static IEnumerable<Row> ComplianceRows() =>
    [
        new("GET", "/api/students", Get(_ => Url("/api/students")), Expect(200, OtherDistrictRoles)),
        new("GET", "/api/students/{studentId}", Get(async c => $"/api/students/{(await c.App.StudentAsync(c.SiteA)).StudentNumber}"),
            LeadsOfAMay(200, staffA: 200)),
        new("POST", "/api/students/import", c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/students/import")
            {
                Content = ComplianceData.CsvBody(ComplianceData.Csv($"{ComplianceData.StudentId()},Matrix,{ComplianceData.Name()},,{c.SiteACode},9,false")),
            }),
            Expect(403, (Actor.DesigneeA, 200), (Actor.PrincipalA, 200), (Actor.DistrictAdmin, 200), (Actor.PrincipalB, 422))),
        // A consent file for a student of site A: site A's leads and DistrictAdmin import it, site B's principal gets
        // the per-line refusal (422) that does not reveal site A's roster, everyone else 403.
        new("POST", "/api/consents/import", async c => new HttpRequestMessage(HttpMethod.Post, "/api/consents/import")
            {
                Content = ComplianceData.CsvBody("studentId,kind,grantedBy,grantedOn,expiresOn,documentReference\n"
                    + $"{(await c.App.StudentAsync(c.SiteA)).StudentNumber},PhotoWithName,Matrix Parent,2026-01-15,,MATRIX-{ComplianceData.Name()}\n"),
            },
            Expect(403, (Actor.DesigneeA, 200), (Actor.PrincipalA, 200), (Actor.DistrictAdmin, 200), (Actor.PrincipalB, 422))),
        new("POST", "/api/students/{studentId}/consents",
            async c => Json(HttpMethod.Post, $"/api/students/{(await c.App.StudentAsync(c.SiteA)).StudentNumber}/consents", ComplianceData.ConsentBody()),
            LeadsOfAMay(201)),
        new("DELETE", "/api/students/{studentId}/consents/{consentId}", async c =>
            {
                var student = await c.App.StudentAsync(c.SiteA);
                var consent = await c.App.ConsentAsync(student);
                return new HttpRequestMessage(HttpMethod.Delete, $"/api/students/{student.StudentNumber}/consents/{consent.Id}");
            },
            LeadsOfAMay(204)),
        new("POST", "/api/compliance/scan", Send(HttpMethod.Post, _ => Url("/api/compliance/scan"), _ => new { text = "Call the office at (562) 555-0134." }),
            Expect(200)),
        new("GET", "/api/posts", Get(_ => Url("/api/posts")), Expect(200)),
        new("POST", "/api/posts", async c => Json(HttpMethod.Post, "/api/posts", new { accountId = (await c.AccountAtA(AccountStatus.Approved)).Id, text = "Matrix post." }),
            Expect(403, (Actor.StaffB, 400), (Actor.PrincipalB, 400), (Actor.DesigneeA, 201), (Actor.PrincipalA, 201), (Actor.DistrictAdmin, 201))),
        new("GET", "/api/posts/{id}", Get(async c => $"/api/posts/{(await PostAtA(c, PostStatus.Draft)).Id}"), LeadsOfAMay(200, staffA: 404, district: 200)),
        new("PUT", "/api/posts/{id}", async c =>
            {
                var post = await PostAtA(c, PostStatus.Draft);
                return Json(HttpMethod.Put, $"/api/posts/{post.Id}", new { text = "Edited matrix post.", rowVersion = post.Version });
            },
            LeadsOfAMay(200, staffA: 404)),
        new("POST", "/api/posts/{id}/submit", Send(HttpMethod.Post, async c => $"/api/posts/{(await PostAtA(c, PostStatus.Draft)).Id}/submit"),
            LeadsOfAMay(200, staffA: 404)),
        new("POST", "/api/posts/{id}/approve", Send(HttpMethod.Post, async c => $"/api/posts/{(await PostAtA(c, PostStatus.Submitted)).Id}/approve", _ => new { }),
            LeadsOfAMay(200, staffA: 404)),
        new("POST", "/api/posts/{id}/reject", Send(HttpMethod.Post, async c => $"/api/posts/{(await PostAtA(c, PostStatus.Submitted)).Id}/reject",
            _ => new { reason = "Please add the game's date." }), LeadsOfAMay(200, staffA: 404)),
        new("POST", "/api/posts/{id}/publish", Send(HttpMethod.Post, async c => $"/api/posts/{(await PostAtA(c, PostStatus.Approved)).Id}/publish"),
            LeadsOfAMay(200, staffA: 404)),
    ];
}
