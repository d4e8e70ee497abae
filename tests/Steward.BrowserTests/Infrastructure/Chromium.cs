using Microsoft.Playwright;

namespace Steward.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright's bundled driver; nothing is ever downloaded.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>TOOLCHAIN.md's arguments: together they keep Chromium off the network entirely.</summary>
    static readonly string[] OfflineArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install chromium (./test.sh does it).");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = OfflineArgs,
        });
        return (playwright, browser);
    }

    public static BrowserNewContextOptions Desktop(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-US",
        TimezoneId = "UTC",
    };

    /// <summary>A phone's viewport (390 CSS pixels wide, as an iPhone 12–15), below USWDS's tablet breakpoint.</summary>
    public static BrowserNewContextOptions Phone(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = "en-US",
        TimezoneId = "UTC",
    };

    public const int PhoneWidth = 390;
}
