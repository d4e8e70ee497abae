using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Security;

/// <summary>Every error under /api is problem+json with the same members, whatever the client says it accepts.</summary>
public abstract class ProblemAnswerTests(StewardApp app)
{
    public static TheoryData<string> Accepts => ["text/html", "text/csv", "application/xml", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"];

    static HttpRequestMessage Request(HttpMethod method, string url, string accept, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    /// <summary>The problem carries the status, where it happened and the trace id, as the exception handler's do.</summary>
    static async Task AssertFullProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var problem = await response.AssertProblemAsync(status, field);
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, problem.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [DbTheory]
    [MemberData(nameof(Accepts))]
    public async Task ApiErrors_WithAnAcceptThatIsNotJson_AreStillProblemJson(string accept)
    {
        var admin = await app.AdminAsync();
        var nobody = await app.ClientForUserAsync(await app.CreateUserAsync());
        var code = app.Unique("P");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/sites", new { code, name = "Problem High", kind = "School" })).StatusCode);

        // 400: a handler's validation problem, and a bind failure through the exception handler
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Get, "/api/sites?page=0", accept)), HttpStatusCode.BadRequest, "page");
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Post, "/api/sites", accept, Http.Raw("{\"code\":"))), HttpStatusCode.BadRequest, "code");
        // 401: the authentication handler's empty answer, through the status code pages
        await AssertFullProblemAsync(await app.Anonymous().SendAsync(Request(HttpMethod.Get, "/api/users/me", accept)), HttpStatusCode.Unauthorized);
        // 403: a handler's problem
        await AssertFullProblemAsync(await nobody.SendAsync(Request(HttpMethod.Get, "/api/students", accept)), HttpStatusCode.Forbidden);
        // 404: a handler's empty NotFound, and no route at all
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Get, "/api/sites/999999", accept)), HttpStatusCode.NotFound);
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Get, "/api/no-such-thing", accept)), HttpStatusCode.NotFound);
        // 409
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Post, "/api/sites", accept,
            Http.Raw($"{{\"code\":\"{code}\",\"name\":\"Problem High\",\"kind\":\"School\"}}"))), HttpStatusCode.Conflict);
        // 413: a handler's problem for an import over its limit
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Post, "/api/students/import", accept,
            new StringContent(new string('x', 5 * 1024 * 1024 + 1), System.Text.Encoding.UTF8, "text/csv"))), HttpStatusCode.RequestEntityTooLarge);
        // 415: the framework refuses the content type
        await AssertFullProblemAsync(await admin.SendAsync(Request(HttpMethod.Post, "/api/sites", accept, Http.Raw("code=AB", "application/x-www-form-urlencoded"))),
            HttpStatusCode.UnsupportedMediaType);
    }

    [DbTheory]
    [InlineData("/api/compliance/scan")]
    [InlineData("/api/posts")]
    [InlineData("/api/sites")]
    public async Task Post_WithoutABody_Returns400NamingBody_InPlainWords(string url)
    {
        var admin = await app.AdminAsync();

        var empty = await admin.PostAsync(url, Http.Raw(""));
        var none = await admin.PostAsync(url, null);

        foreach (var response in new[] { empty, none })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
            var text = problem.ToString();
            Assert.Contains("A JSON body is required.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("inferred", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("parameter", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [DbTheory]
    [InlineData("/api/sites?page=2147483647")]
    [InlineData("/api/sites?page=2147483647&pageSize=200")]
    [InlineData("/api/users?page=10737419")]
    [InlineData("/api/students?page=2147483647&pageSize=2")]
    public async Task List_PageBeyondTheBound_Returns400NamingPage(string url)
    {
        var admin = await app.AdminAsync();
        await app.CreateSiteAsync();

        await (await admin.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    [DbTheory]
    [InlineData("/api/students?q=%00", "q")]
    [InlineData("/api/students?q=Maya%07Okafor", "q")]
    [InlineData("/api/sites?q=Wil%00son", "q")]
    [InlineData("/api/posts?status=Draft%00", "status")]
    [InlineData("/api/students?q%00=Maya", "query")]
    public async Task Query_WithAControlCharacter_Returns400NamingTheParameter(string url, string field)
    {
        var admin = await app.AdminAsync();
        await app.CreateSiteAsync();

        await (await admin.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/students?q=Maya%20Okafor")).StatusCode);
    }

    [DbFact]
    public async Task PublicPage_QueryWithAControlCharacter_Is400NotAnError()
    {
        var response = await app.Anonymous().GetAsync("/directory?q=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/directory?q=Wilson")).StatusCode);
    }

    [DbFact]
    public async Task List_LastAllowedPage_IsEmptyNotWrong()
    {
        var admin = await app.AdminAsync();
        await app.CreateSiteAsync();
        await app.CreateSiteAsync();

        var page = await (await admin.GetAsync("/api/sites?page=10737418&pageSize=200")).ReadAsync<Page<SiteDto>>();
        var wrapped = await (await admin.GetAsync("/api/sites?page=10737418&pageSize=2")).ReadAsync<Page<SiteDto>>();

        Assert.Empty(page.Items);
        Assert.Empty(wrapped.Items);
        Assert.True(page.Total >= 2);
    }
}

public sealed class ProblemAnswerTests_Sqlite(SqliteApp app) : ProblemAnswerTests(app), IClassFixture<SqliteApp>;

public sealed class ProblemAnswerTests_Postgres(PostgresApp app) : ProblemAnswerTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;

/// <summary>An app with a tight public rate limit and a route under /api that fails, for the 429 and 500 answers.</summary>
public sealed class FailingApp : SqliteApp
{
    public const string FailingPath = "/api/test-failure";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Steward:RateLimits:PublicPerMinute", "1")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingRoute>());
    }

    /// <summary>Last in the pipeline, so the app's error handling is in front of it.</summary>
    sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == FailingPath ? throw new InvalidOperationException("test failure") : rest(context));
        };
    }
}

public sealed class ProblemAnswerFailureTests(FailingApp app) : IClassFixture<FailingApp>
{
    [Theory]
    [MemberData(nameof(ProblemAnswerTests.Accepts), MemberType = typeof(ProblemAnswerTests))]
    public async Task UnhandledError_WithAnyAccept_Is500ProblemJson(string accept)
    {
        var admin = await app.AdminAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, FailingApp.FailingPath);
        request.Headers.Accept.ParseAdd(accept);

        var response = await admin.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("test failure", problem.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task RateLimited_WithAnHtmlAccept_Is429ProblemJson()
    {
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5 && limited is null; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/accounts");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            var response = await app.Anonymous().SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }

        Assert.NotNull(limited);
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}

/// <summary>The app on a real Kestrel port: the headers a client really gets.</summary>
public sealed class KestrelApp : SqliteApp
{
    public override Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        return Task.CompletedTask;
    }
}

public sealed class ServerHeaderTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/api/users/me")]
    [InlineData("/signin")]
    public async Task Responses_DoNotNameTheServerSoftware(string path)
    {
        using var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };

        var response = await client.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }
}
