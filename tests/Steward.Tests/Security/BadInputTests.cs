using System.Net;
using Microsoft.EntityFrameworkCore;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Security;

/// <summary>Whatever a client sends, the answer is a 4xx problem naming the field, and nothing is stored.</summary>
public abstract class BadInputTests(StewardApp app)
{
    async Task<int> SiteCount() => await app.WithDbAsync(db => db.Sites.CountAsync());

    [DbTheory]
    [InlineData("{\"code\":\"AB\",", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"code\":\"AB\",\"name\":\"Name Here\",\"kind\":\"Castle\"}", "kind")]
    [InlineData("{\"code\":\"AB\",\"name\":\"Name Here\",\"kind\":3}", "kind")]
    [InlineData("{\"code\":12,\"name\":\"Name Here\",\"kind\":\"School\"}", "code")]
    [InlineData("{\"code\":\"AB\",\"name\":\"Name Here\",\"kind\":\"School\",\"aliases\":\"one\"}", "aliases")]
    [InlineData("{\"code\":\"AB\",\"name\":[\"x\"],\"kind\":\"School\"}", "name")]
    public async Task CreateSite_MalformedOrWrongTypes_Returns400NamingTheField(string json, string field)
    {
        var admin = await app.AdminAsync();
        var before = await SiteCount();

        var response = await admin.PostAsync("/api/sites", Http.Raw(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await SiteCount());
    }

    [DbFact]
    public async Task CreateSite_MissingFields_Returns400NamingEachField()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/sites", Http.Raw("{}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [DbTheory]
    [InlineData("code", 17)]
    [InlineData("name", 201)]
    [InlineData("mascot", 201)]
    [InlineData("publicPhone", 41)]
    [InlineData("publicAddress", 301)]
    public async Task CreateSite_OverlongField_Returns400NamingItAndStoresNothing(string field, int length)
    {
        var admin = await app.AdminAsync();
        var before = await SiteCount();
        var body = new Dictionary<string, object> { ["code"] = app.Unique("L"), ["name"] = "Long Field High", ["kind"] = "School" };
        body[field] = new string('X', length);

        var response = await admin.PostJsonAsync("/api/sites", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await SiteCount());
    }

    [DbFact]
    public async Task CreateSite_OverlongAlias_Returns400NamingAliases()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostJsonAsync("/api/sites", new { code = app.Unique("A"), name = "Alias High", kind = "School", aliases = new[] { new string('a', 201) } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "aliases");
    }

    [DbFact]
    public async Task CreateSite_BadEmail_Returns400NamingPublicEmail()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostJsonAsync("/api/sites", new { code = app.Unique("M"), name = "Mail High", kind = "School", publicEmail = "not an email" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "publicEmail");
    }

    [DbFact]
    public async Task CreateSite_WrongContentType_Returns415Problem()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/sites", Http.Raw("code=AB", "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [DbTheory]
    [InlineData("{\"email\":\"x@test.example\",\"fullName\":\"Full Name\"}", "title")]
    [InlineData("{\"email\":\"not-an-email\",\"fullName\":\"Full Name\",\"title\":\"Clerk\"}", "email")]
    [InlineData("{\"email\":\"x@test.example\",\"fullName\":\"F\",\"title\":\"Clerk\"}", "fullName")]
    public async Task CreateUser_InvalidFields_Returns400NamingTheField(string json, string field)
    {
        var admin = await app.AdminAsync();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.PostAsync("/api/users", Http.Raw(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [DbTheory]
    [InlineData("{\"role\":\"Janitor\"}", "role")]
    [InlineData("{}", "role")]
    [InlineData("{\"role\":\"Staff\",\"siteId\":\"three\"}", "siteId")]
    [InlineData("{\"role\":\"Staff\",\"siteId\":999999}", "siteId")]
    [InlineData("{\"role\":\"EthicsOffice\",\"siteId\":1}", "siteId")]
    public async Task AssignRole_InvalidBody_Returns400NamingTheFieldAndAssignsNothing(string json, string field)
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync();

        var response = await admin.PostAsync($"/api/users/{user.Id}/roles", Http.Raw(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await app.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.UserId == user.Id)));
    }

    [DbTheory]
    [InlineData("/api/sites?page=0", "page")]
    [InlineData("/api/sites?pageSize=201", "pageSize")]
    [InlineData("/api/sites?page=abc", "page")]
    [InlineData("/api/users?pageSize=0", "pageSize")]
    [InlineData("/api/audit?actorUserId=me", "actorUserId")]
    [InlineData("/api/audit?from=yesterday", "from")]
    public async Task List_BadQueryParameters_Return400NamingTheParameter(string url, string field)
    {
        var admin = await app.AdminAsync();

        var response = await admin.GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [DbTheory]
    [InlineData("/api/sites/999999")]
    [InlineData("/api/users/999999")]
    [InlineData("/api/sites/abc")]
    public async Task Get_UnknownId_Returns404(string url)
    {
        var admin = await app.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
    }

    [DbFact]
    public async Task UpdateSite_UnknownId_Returns404()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PutJsonAsync("/api/sites/999999", new { code = "NOPE", name = "Nowhere High", kind = "School" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [DbFact]
    public async Task HugeBody_IsRefusedWithout500()
    {
        var admin = await app.AdminAsync();
        var huge = "{\"code\":\"AB\",\"name\":\"" + new string('x', 40 * 1024 * 1024) + "\",\"kind\":\"School\"}";

        var response = await admin.PostAsync("/api/sites", Http.Raw(huge));

        Assert.True((int)response.StatusCode is 400 or 413, $"got {(int)response.StatusCode}");
    }

    [DbFact]
    public async Task Login_MalformedJson_Returns400()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/login", Http.Raw("{\"email\":"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class BadInputTests_Sqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTests_Postgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>, IRequiresPostgres;
