using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Steward.BrowserTests.Infrastructure;

/// <summary>The real app on a real Kestrel port with a SQLite file of its own, and one Chromium for
/// every test of the class; each test opens its own browser context, so cookies never leak between them.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "bootstrap-admin@browser.example";
    /// <summary>The bootstrap admin's default name (StewardOptions), as the README screenshot shows it.</summary>
    public const string AdminName = "District Administrator";
    public const string Password = "correct-horse-battery-9";

    readonly string _dir = Directory.CreateTempSubdirectory("steward-browser-").FullName;
    IPlaywright? _playwright;
    int _counter;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Steward:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Steward", $"Data Source={Path.Combine(_dir, "steward.db")}");
        builder.UseSetting("Steward:DataDirectory", _dir);
        builder.UseSetting("Steward:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Steward:Bootstrap:AdminPassword", Password);
        // Every journey signs in several times from the same address.
        builder.UseSetting("Steward:RateLimits:SignInPerMinute", "100000");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (its own cookies) with one page, on the app's address.</summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper? output = null)
    {
        var context = await Browser.NewContextAsync(Chromium.Desktop(BaseUrl));
        return await BrowserSession.OpenAsync(context, output);
    }

    /// <summary>A unique suffix so tests sharing the app never collide.</summary>
    public string Unique(string prefix) =>
        $"{prefix}{Interlocked.Increment(ref _counter)}{Random.Shared.Next(100, 999)}";

    public new async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
