using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Steward.BrowserTests.Infrastructure;

/// <summary>The real app on a real Kestrel port with a SQLite file of its own, and one Chromium for
/// every test of the class; each test opens its own browser context, so cookies never leak between them.</summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "bootstrap-admin@browser.example";
    /// <summary>The bootstrap admin's default name (StewardOptions), as the README screenshot shows it.</summary>
    public const string AdminName = "District Administrator";
    public const string Password = "correct-horse-battery-9";

    readonly string _dir = Directory.CreateTempSubdirectory("steward-browser-").FullName;
    readonly SemaphoreSlim _adminGate = new(1, 1);
    IPlaywright? _playwright;
    string? _adminState;
    int _counter;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Seeds the demo district (<c>--demo</c>) instead of creating the bootstrap admin.</summary>
    protected virtual bool DemoDistrict => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Steward:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Steward", $"Data Source={Path.Combine(_dir, "steward.db")}");
        builder.UseSetting("Steward:DataDirectory", _dir);
        builder.UseSetting("Steward:Bootstrap:AdminEmail", DemoDistrict ? "" : AdminEmail);
        builder.UseSetting("Steward:Bootstrap:AdminPassword", Password);
        // Every journey signs in several times from the same address.
        builder.UseSetting("Steward:RateLimits:SignInPerMinute", "100000");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        if (DemoDistrict) await Steward.Features.Demo.Demo.SeedAsync(Services, NullLogger.Instance);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (its own cookies) with one page, on the app's address.</summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper? output = null, string? storageState = null, bool phone = false)
    {
        var options = phone ? Chromium.Phone(BaseUrl) : Chromium.Desktop(BaseUrl);
        options.StorageState = storageState;
        return await BrowserSession.OpenAsync(await Browser.NewContextAsync(options), output);
    }

    /// <summary>A session signed in as the bootstrap admin. The first one signs in through /signin; later
    /// ones start from its cookies, so each journey spends its time on what it is about.</summary>
    public async Task<BrowserSession> AdminSessionAsync(ITestOutputHelper? output = null)
    {
        await _adminGate.WaitAsync();
        try
        {
            if (_adminState is null)
            {
                await using var first = await NewSessionAsync(output);
                await first.SignInExpectingDashboardAsync(AdminEmail);
                _adminState = await first.StorageStateAsync();
            }
        }
        finally
        {
            _adminGate.Release();
        }
        return await NewSessionAsync(output, _adminState);
    }

    /// <summary>A unique suffix so tests sharing the app never collide.</summary>
    public string Unique(string prefix) =>
        $"{prefix}{Interlocked.Increment(ref _counter)}{Random.Shared.Next(100, 999)}";

    public new virtual async Task DisposeAsync()
    {
        _adminGate.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The district that <c>dotnet run --project src/Steward -- --demo</c> shows, for the README's screenshots.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    public const string DemoAdminEmail = "admin@steward.example";
    public const string DemoPassword = Steward.Features.Demo.Demo.Password;

    protected override bool DemoDistrict => true;
}
