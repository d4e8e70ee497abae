using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Steward.Tests.Security;

/// <summary>One table: every API endpoint × every kind of caller → the expected status. A new endpoint
/// without rows fails <see cref="EveryEndpoint_HasRows"/>.</summary>
public sealed partial class AuthorizationMatrixTests(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    public enum Actor { Anonymous, StaffA, StaffB, DesigneeA, PrincipalA, PrincipalB, DistrictAdmin, Deputy, Ethics, SocialMedia, PublicInfo }

    static readonly Actor[] District = [Actor.DistrictAdmin, Actor.Deputy, Actor.Ethics, Actor.SocialMedia, Actor.PublicInfo];
    static readonly Actor[] Everyone = Enum.GetValues<Actor>();

    /// <summary>The target resources: site A (own site of the "A" actors) and B.</summary>
    public sealed record Context(int SiteA, string SiteACode, int SiteB, StewardApp App)
    {
        public Task<StewardUser> StaffAtA() => App.CreateUserAsync(Role.Staff, SiteA, password: null);

        /// <summary>A fresh account at site A, requested and managed by a fresh staff member.</summary>
        public async Task<Account> AccountAtA(AccountStatus status) => await App.SeedAsync(SiteA, (await StaffAtA()).Id, status);

        public async Task<int> SubmissionAtA() => await App.WithDbAsync(async db =>
        {
            var submission = new Submission
            {
                SiteId = SiteA, SchoolYear = "2026-27", SubmittedAt = DateTime.UtcNow, SubmittedByUserId = 1, SubmittedByName = "Matrix",
                Snapshot = "[]", Diff = "{\"added\":[],\"removed\":[],\"managerChanged\":[]}",
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            return submission.Id;
        });
    }

    sealed record Row(string Method, string Route, Func<Context, Task<HttpRequestMessage>> Request, IReadOnlyDictionary<Actor, int> Expected, string? Skip = null);

    static Dictionary<Actor, int> Expect(int others, params (Actor Actor, int Status)[] exceptions)
    {
        var map = Everyone.ToDictionary(a => a, a => a == Actor.Anonymous ? 401 : others);
        foreach (var (actor, status) in exceptions) map[actor] = status;
        return map;
    }

    static (Actor, int)[] All(IEnumerable<Actor> actors, int status) => actors.Select(a => (a, status)).ToArray();

    static Func<Context, Task<HttpRequestMessage>> Get(Func<Context, Task<string>> url) =>
        async c => new HttpRequestMessage(HttpMethod.Get, await url(c));

    static Func<Context, Task<HttpRequestMessage>> Send(HttpMethod method, Func<Context, Task<string>> url, Func<Context, object>? body = null) =>
        async c => new HttpRequestMessage(method, await url(c)) { Content = body is null ? null : JsonContent.Create(body(c), options: Http.Json) };

    static Task<string> Url(string url) => Task.FromResult(url);

    static readonly Row[] Rows =
    [
        new("GET", "/api/sites", Get(_ => Url("/api/sites")), Expect(200)),
        new("GET", "/api/sites/{id}", Get(c => Url($"/api/sites/{c.SiteA}")),
            Expect(200, (Actor.StaffB, 404), (Actor.PrincipalB, 404))),
        new("POST", "/api/sites", Send(HttpMethod.Post, _ => Url("/api/sites"), _ => new { code = "M" + Guid.NewGuid().ToString("N")[..8], name = "Matrix High", kind = "School" }),
            Expect(403, (Actor.DistrictAdmin, 201))),
        new("PUT", "/api/sites/{id}", Send(HttpMethod.Put, c => Url($"/api/sites/{c.SiteA}"), c => new { code = c.SiteACode, name = "Matrix A High", kind = "School" }),
            Expect(403, (Actor.StaffB, 404), (Actor.PrincipalB, 404), (Actor.PrincipalA, 200), (Actor.DistrictAdmin, 200))),
        new("GET", "/api/users", Get(_ => Url("/api/users")), Expect(200)),
        new("GET", "/api/users/me", Get(_ => Url("/api/users/me")), Expect(200)),
        new("GET", "/api/users/{id}", Get(async c => $"/api/users/{(await c.StaffAtA()).Id}"),
            Expect(200, (Actor.StaffA, 404), (Actor.StaffB, 404), (Actor.PrincipalB, 404))),
        new("POST", "/api/users", Send(HttpMethod.Post, _ => Url("/api/users"), _ => new { email = $"m{Guid.NewGuid():N}@test.example", fullName = "Matrix Person", title = "Clerk" }),
            Expect(403, (Actor.DistrictAdmin, 201), (Actor.PrincipalA, 201), (Actor.PrincipalB, 201))),
        new("POST", "/api/users/{id}/roles", Send(HttpMethod.Post, async c => $"/api/users/{(await c.StaffAtA()).Id}/roles", c => new { role = "SiteDesignee", siteId = c.SiteA }),
            Expect(403, (Actor.PrincipalA, 204), (Actor.PrincipalB, 404), (Actor.DistrictAdmin, 204))),
        new("DELETE", "/api/users/{id}/roles", Send(HttpMethod.Delete, async c => $"/api/users/{(await c.StaffAtA()).Id}/roles", c => new { role = "Staff", siteId = c.SiteA }),
            Expect(403, (Actor.PrincipalA, 204), (Actor.PrincipalB, 404), (Actor.DistrictAdmin, 204))),
        new("POST", "/api/users/{id}/deactivate", Send(HttpMethod.Post, async c => $"/api/users/{(await c.StaffAtA()).Id}/deactivate"),
            Expect(403, (Actor.PrincipalA, 204), (Actor.PrincipalB, 404), (Actor.DistrictAdmin, 204))),
        new("POST", "/api/users/{id}/reactivate", Send(HttpMethod.Post, async c => $"/api/users/{(await c.StaffAtA()).Id}/reactivate"),
            Expect(403, (Actor.DistrictAdmin, 204))),
        new("PUT", "/api/users/{id}/password", Send(HttpMethod.Put, async c => $"/api/users/{(await c.StaffAtA()).Id}/password", _ => new { password = "matrix-password-long" }),
            Expect(403, (Actor.DistrictAdmin, 204))),
        new("GET", "/api/audit", Get(_ => Url("/api/audit")), Expect(403, (Actor.DistrictAdmin, 200), (Actor.Ethics, 200), (Actor.Deputy, 200))),
        new("GET", "/api/audit/verify", Get(_ => Url("/api/audit/verify")), Expect(403, (Actor.DistrictAdmin, 200), (Actor.Ethics, 200), (Actor.Deputy, 200))),
        .. RegistryRows(),
        .. VaultRows(),
        .. IdentityRows(),
        .. ComplianceRows(),
        .. ProtectedContactRows(),
    ];

    /// <summary>The matrix callers have no two-factor sign-in, so every reveal is refused here; the
    /// allowed reveals are tested in VaultApiTests.</summary>
    static IEnumerable<Row> VaultRows() =>
    [
        new("GET", "/api/accounts/{id}/credential", Get(async c => $"/api/accounts/{(await c.AccountAtA(AccountStatus.Approved)).Id}/credential"),
            Expect(403, (Actor.StaffB, 404), (Actor.PrincipalB, 404), (Actor.DesigneeA, 200), (Actor.PrincipalA, 200), (Actor.DistrictAdmin, 200), (Actor.Deputy, 200))),
        new("PUT", "/api/accounts/{id}/credential", Send(HttpMethod.Put, async c => $"/api/accounts/{(await c.AccountAtA(AccountStatus.Approved)).Id}/credential",
                _ => new { username = "matrix_user", password = "matrix-password" }),
            Expect(403, LeadsOfA)),
        new("POST", "/api/accounts/{id}/credential/reveal", Send(HttpMethod.Post, async c => $"/api/accounts/{(await c.AccountAtA(AccountStatus.Approved)).Id}/credential/reveal",
                _ => new { reason = "Matrix check." }),
            Expect(403, (Actor.StaffB, 404), (Actor.PrincipalB, 404))),
        new("GET", "/api/accounts/{id}/credential/history", Get(async c => $"/api/accounts/{(await c.AccountAtA(AccountStatus.Approved)).Id}/credential/history"),
            Expect(403, (Actor.StaffB, 404), (Actor.PrincipalB, 404), (Actor.DesigneeA, 200), (Actor.PrincipalA, 200), (Actor.DistrictAdmin, 200), (Actor.Deputy, 200))),
        new("GET", "/api/credentials/rotation-due", Get(_ => Url("/api/credentials/rotation-due")), Expect(200)),
    ];

    static (Actor, int)[] LeadsOfA => [(Actor.StaffB, 404), (Actor.PrincipalB, 404), (Actor.DesigneeA, 204), (Actor.PrincipalA, 204), (Actor.DistrictAdmin, 204)];

    static Row Decision(string action, AccountStatus from, object? body = null) =>
        new("POST", $"/api/accounts/{{id}}/{action}",
            Send(HttpMethod.Post, async c => $"/api/accounts/{(await c.AccountAtA(from)).Id}/{action}", body is null ? null : _ => body),
            Expect(403, LeadsOfA));

    static IEnumerable<Row> RegistryRows() =>
    [
        new("GET", "/api/accounts", Get(_ => Url("/api/accounts")), Expect(200)),
        new("POST", "/api/accounts", async c => new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
            {
                Content = JsonContent.Create(RegistryData.Request(c.SiteA, (await c.StaffAtA()).Id), options: Http.Json),
            },
            Expect(400, (Actor.StaffA, 201), (Actor.DesigneeA, 201), (Actor.PrincipalA, 201), (Actor.DistrictAdmin, 201))),
        new("GET", "/api/accounts/{id}", Get(async c => $"/api/accounts/{(await c.AccountAtA(AccountStatus.Approved)).Id}"),
            Expect(200, (Actor.StaffB, 404), (Actor.PrincipalB, 404))),
        new("PUT", "/api/accounts/{id}", async c =>
        {
            var account = await c.AccountAtA(AccountStatus.Approved);
            return new HttpRequestMessage(HttpMethod.Put, $"/api/accounts/{account.Id}")
            {
                Content = JsonContent.Create(new
                {
                    platform = "Instagram", handle = account.Handle, displayName = "Renamed Club", category = "Club", purpose = "Club news.",
                    managerUserId = account.ManagerUserId, rowVersion = account.Version,
                }, options: Http.Json),
            };
        }, Expect(403, LeadsOfA)),
        Decision("approve", AccountStatus.Pending),
        Decision("reject", AccountStatus.Pending, new { reason = "Duplicate of the team account." }),
        Decision("suspend", AccountStatus.Approved, new { reason = "Under review." }),
        Decision("reinstate", AccountStatus.Suspended),
        Decision("retire", AccountStatus.Approved),
        new("GET", "/api/school-years/current", Get(_ => Url("/api/school-years/current")), Expect(200)),
        new("POST", "/api/school-years/{year}/open", Send(HttpMethod.Post, _ => Url("/api/school-years/2150-51/open")), Expect(403, (Actor.DistrictAdmin, 200))),
        new("GET", "/api/school-years/{year}/renewals", Get(_ => Url("/api/school-years/2026-27/renewals")), Expect(200)),
        new("POST", "/api/sites/{siteId}/submissions", Send(HttpMethod.Post, c => Url($"/api/sites/{c.SiteA}/submissions")),
            Expect(403, (Actor.StaffB, 404), (Actor.PrincipalB, 404), (Actor.DesigneeA, 201), (Actor.PrincipalA, 201), (Actor.DistrictAdmin, 201))),
        new("GET", "/api/submissions", Get(_ => Url("/api/submissions")), Expect(200, (Actor.StaffA, 403), (Actor.StaffB, 403))),
        new("GET", "/api/submissions/status", Get(_ => Url("/api/submissions/status")),
            Expect(403, All(District, 200))),
        new("GET", "/api/submissions/{id}", Get(async c => $"/api/submissions/{await c.SubmissionAtA()}"),
            Expect(200, (Actor.StaffA, 403), (Actor.StaffB, 403), (Actor.PrincipalB, 404))),
        new("GET", "/api/reports/registry", Get(_ => Url("/api/reports/registry")), Expect(200, (Actor.StaffA, 403), (Actor.StaffB, 403))),
        new("GET", "/api/public/accounts", Get(_ => Url("/api/public/accounts")), Expect(200, (Actor.Anonymous, 200))),
        new("GET", "/api/public/verify", Get(_ => Url("/api/public/verify?url=https%3A%2F%2Fwww.instagram.com%2Fnobody%2F")), Expect(200, (Actor.Anonymous, 200))),
    ];

    /// <summary>Identity's own endpoints: anonymous by design (sign-in) or the caller's own account;
    /// their behaviour is tested in AuthApiTests.</summary>
    static IEnumerable<Row> IdentityRows() =>
        new[] { "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh", "GET /api/auth/confirmEmail",
                "POST /api/auth/resendConfirmationEmail", "POST /api/auth/forgotPassword", "POST /api/auth/resetPassword",
                "POST /api/auth/manage/2fa", "GET /api/auth/manage/info", "POST /api/auth/manage/info" }
            .Select(e => new Row(e.Split(' ')[0], e.Split(' ')[1], Get(_ => Url("/")), Expect(200), Skip: "Identity endpoint: see AuthApiTests"));

    [Fact]
    public void EveryEndpoint_HasRows()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var rows = Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();

        Assert.Empty(endpoints.Except(rows).Order());
        Assert.Empty(rows.Except(endpoints).Order());
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachCallerAsTheTableSays()
    {
        var siteA = await app.CreateSiteAsync();
        var siteB = await app.CreateSiteAsync();
        var context = new Context(siteA.Id, siteA.Code, siteB.Id, app);
        var clients = new Dictionary<Actor, HttpClient>
        {
            [Actor.Anonymous] = app.Anonymous(),
            [Actor.StaffA] = await app.ClientAsync(Role.Staff, siteA.Id),
            [Actor.StaffB] = await app.ClientAsync(Role.Staff, siteB.Id),
            [Actor.DesigneeA] = await app.ClientAsync(Role.SiteDesignee, siteA.Id),
            [Actor.PrincipalA] = await app.ClientAsync(Role.Principal, siteA.Id),
            [Actor.PrincipalB] = await app.ClientAsync(Role.Principal, siteB.Id),
            [Actor.DistrictAdmin] = await app.ClientAsync(Role.DistrictAdmin),
            [Actor.Deputy] = await app.ClientAsync(Role.DeputySuperintendent),
            [Actor.Ethics] = await app.ClientAsync(Role.EthicsOffice),
            [Actor.SocialMedia] = await app.ClientAsync(Role.SocialMediaAdmin),
            [Actor.PublicInfo] = await app.ClientAsync(Role.PublicInformation),
        };

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var row in Rows.Where(r => r.Skip is null))
            foreach (var (actor, expected) in row.Expected)
            {
                using var request = await row.Request(context);
                var response = await clients[actor].SendAsync(request);
                checkedCount++;
                if ((int)response.StatusCode != expected)
                    failures.Add($"{row.Method} {row.Route} as {actor}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

        output.WriteLine($"{checkedCount} (endpoint, caller) pairs checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    static string Normalize(string pattern) => Constraint().Replace(pattern, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex Constraint();
}
