using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Sites;

namespace Steward.Tests.Infrastructure;

/// <summary>The whole app over the real HTTP pipeline, on a database of its own.</summary>
public abstract class StewardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "bootstrap-admin@test.example";
    public const string Password = "correct-horse-battery-9";

    readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();
    int _counter;

    /// <summary>This app's own data folder (SQLite file, vault key file), removed at the end.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("steward-test-").FullName;

    protected abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    public CapturedLog Log { get; } = new();

    public bool IsPostgres => Provider == "Postgres";

    /// <summary>For a second app node on the same database.</summary>
    public string ConnectionStringForOtherNodes => ConnectionString;

    /// <summary>Extra settings for a fixture that needs them (rate limits, options).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Steward:Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Steward", ConnectionString);
        builder.UseSetting("Steward:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Steward:Bootstrap:AdminPassword", Password);
        builder.UseSetting("Steward:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Steward:RateLimits:PublicPerMinute", "100000");
        builder.UseSetting("Steward:RateLimits:ScansPerMinute", "100000");
        builder.UseSetting("Steward:DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Log).SetMinimumLevel(LogLevel.Debug));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.BaseAddress = new Uri("https://localhost");
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // start now: migrations and the bootstrap admin
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A unique suffix so tests sharing a fixture never collide.</summary>
    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}{Random.Shared.Next(1000, 9999)}";

    public async Task<T> WithDbAsync<T>(Func<StewardDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StewardDb>());
    }

    public Task WithDbAsync(Func<StewardDb, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    public async Task<Site> CreateSiteAsync(string? code = null, string? mascot = "Bruins")
    {
        code ??= Unique("S");
        return await WithDbAsync(async db =>
        {
            var site = new Site { Code = code, Name = $"{code} High School", Aliases = [$"{code} High"], Mascot = mascot, CreatedAt = DateTime.UtcNow };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site;
        });
    }

    /// <summary>A user in a role; with a null password one who cannot sign in (quicker: no hashing).</summary>
    public async Task<StewardUser> CreateUserAsync(Role? role = null, int? siteId = null, string? email = null, string? password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>();
        email ??= Unique("user") + "@test.example";
        var user = new StewardUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = "Test " + email[..email.IndexOf('@', StringComparison.Ordinal)],
            Title = "Tester", CreatedAt = DateTime.UtcNow,
        };
        if (role is { } r) user.Roles.Add(new RoleAssignment { Role = r, SiteId = siteId, AssignedAt = DateTime.UtcNow });
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public async Task<string> LoginAsync(string email, string password = Password)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"login {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> ClientForUserAsync(StewardUser user) => WithToken(await LoginAsync(user.Email!));

    /// <summary>A signed-in client in a role (at a site for site roles); one per role and site, reused.</summary>
    public Task<HttpClient> ClientAsync(Role role, int? siteId = null) =>
        _clients.GetOrAdd($"{role}@{siteId}", async _ => await ClientForUserAsync(await CreateUserAsync(role, siteId)));

    /// <summary>Signs the user in with two-factor (TOTP enabled through the API first): the only kind of
    /// session that may reveal vault credentials.</summary>
    public async Task<HttpClient> TwoFactorClientAsync(StewardUser user)
    {
        var plain = await ClientForUserAsync(user);
        var setup = await (await plain.PostJsonAsync("/api/auth/manage/2fa", new { })).JsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        var enabled = await plain.PostJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key) });
        Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
        var login = await Anonymous().PostJsonAsync("/api/auth/login", new { email = user.Email, password = Password, twoFactorCode = Totp.Code(key) });
        return WithToken((await login.ReadAsync<TokenResponse>()).AccessToken);
    }

    public Task<HttpClient> AdminAsync() => _clients.GetOrAdd("bootstrap", async _ => WithToken(await LoginAsync(AdminEmail)));

    public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);
}

public class SqliteApp : StewardApp
{
    protected override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={DatabasePath}";
    public string DatabasePath => Path.Combine(DataDirectory, "steward.db");
}

public class PostgresApp : StewardApp
{
    readonly string? _connection = PostgresDatabase.ServerConnectionString is null ? null : PostgresDatabase.NewDatabase();

    protected override string Provider => "Postgres";
    protected override string ConnectionString => _connection ?? "Host=unset";

    public override Task InitializeAsync() => _connection is null ? Task.CompletedTask : base.InitializeAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connection is not null) await PostgresDatabase.DropAsync(_connection);
    }
}
