using System.IO.Compression;
using System.Net;
using Microsoft.Playwright;
using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Steward.BrowserTests;

/// <summary>The published build in Production serves every page with its USWDS styles, fonts and scripts
/// (TOOLCHAIN.md: static web assets of a plain build answer 500 there, so only a publish proves it).</summary>
public sealed class PublishedBuildTests(PublishedApp app, ITestOutputHelper output) : IClassFixture<PublishedApp>, IAsyncLifetime
{
    /// <summary>USWDS's primary blue, #005ea2: a browser's default button is grey.</summary>
    const string UswdsBlue = "rgb(0, 94, 162)";

    readonly List<(string Url, int Status, string Type, string ContentType)> _assets = [];

    [Fact]
    public async Task SignInPage_InPublishedBuild_AppliesUswdsStylesFontsAndScripts()
    {
        await using var s = await OpenAsync();

        Assert.Equal(200, await s.GotoAsync("/signin"));

        await ExpectUswdsAppliedAsync(s);
        await ExpectUswdsScriptsRanAsync(s);
        ExpectEveryAssetServedWithItsType("/signin");
    }

    [Fact]
    public async Task SignedInPages_InPublishedBuild_AppliesUswdsAndKeepsTheSecureCookieOnHttp()
    {
        await using var s = await OpenAsync();

        await s.SignInExpectingDashboardAsync(PublishedApp.AdminEmail, PublishedApp.Password);

        // Production over plain http on loopback: the Secure auth cookie and antiforgery still work.
        Assert.Contains(await s.Context.CookiesAsync(), c => c.Name == "steward.auth" && c.Secure);
        await Expect(s.Page.Locator("ul.steward-cards")).ToHaveCSSAsync("display", "grid");
        await s.SubmitAsync(s.NavLink("Sites"));
        await ExpectUswdsAppliedAsync(s);
        await s.SubmitAsync(s.NavLink("My profile"));
        await s.SubmitAsync(Journeys.SubmitButton(s, "Set up two-factor sign-in"));
        await Expect(s.Page.GetByTestId("authenticator-key")).ToBeVisibleAsync();
        // The QR code is a data: image, which the Content-Security-Policy allows.
        Assert.True(await s.Page.Locator("img.steward-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await ExpectUswdsScriptsRanAsync(s);
        ExpectEveryAssetServedWithItsType("/, /sites and /profile");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task StaticAssets_InPublishedBuild_AnswerEachEncodingWithTheRightTypeAndContent(string encoding)
    {
        await using var s = await OpenAsync();
        await s.GotoAsync("/signin");
        var urls = await s.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map(e => e.href || e.src)");
        Assert.Equal(5, urls.Length); // uswds.min.css, site.css, uswds-init.min.js, uswds.min.js, confirm.js

        using var plain = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            using var response = await plain.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} with {encoding}: {(int)response.StatusCode}");
            Assert.Equal(url.Contains(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var served = response.Content.Headers.ContentEncoding.SingleOrDefault() ?? "identity";
            if (encoding != "identity") Assert.Equal(encoding, served); // publish precompresses both
            var text = System.Text.Encoding.UTF8.GetString(Decode(body, served));
            Assert.True(text.Length > 100, $"{url} with {encoding} is {text.Length} characters");
            Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task PublishedBuild_StartedWithOnlyAspNetCoreUrls_ListensThere()
    {
        // How README.md says to choose the address; a second instance, so it needs a data folder of its own.
        var url = $"http://127.0.0.1:{PublishedApp.FreePort()}";
        var log = new System.Text.StringBuilder();
        // With a port of appsettings.json in use, the app exits; with it free, it listens there instead.
        var process = app.Start(url, app.NewDataDirectory(), urlsOnCommandLine: false, line => { lock (log) log.AppendLine(line); });
        try
        {
            await PublishedApp.WaitForHealthAsync(process, url, TimeSpan.FromSeconds(180), () => { lock (log) return log.ToString(); });
        }
        finally
        {
            await PublishedApp.StopAsync(process);
        }
    }

    async Task<BrowserSession> OpenAsync()
    {
        var s = await app.NewSessionAsync(output);
        s.Page.Response += (_, response) =>
        {
            var type = response.Request.ResourceType;
            if (type is "stylesheet" or "script" or "font")
                lock (_assets) _assets.Add((response.Url, response.Status, type, response.Headers.GetValueOrDefault("content-type", "")));
        };
        return s;
    }

    /// <summary>Computed styles that only USWDS's stylesheet and fonts produce.</summary>
    static async Task ExpectUswdsAppliedAsync(BrowserSession s)
    {
        var button = s.Page.Locator("main .usa-button:not(.usa-button--outline)").First;
        await Expect(button).ToHaveCSSAsync("background-color", UswdsBlue);
        Assert.StartsWith("\"Source Sans Pro Web\"", await button.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"), StringComparison.Ordinal);
        // The skip link is moved off screen until focused; unstyled, it sits at the top of the page.
        await Expect(s.Page.Locator(".usa-skipnav")).ToHaveCSSAsync("position", "absolute");
        await Expect(s.Page.Locator("header.usa-header")).ToHaveCSSAsync("border-bottom-color", UswdsBlue);
        // The web fonts themselves arrived, not a fallback.
        var loaded = await s.Page.EvaluateAsync<string[]>(
            "async () => { await document.fonts.ready; return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family); }");
        Assert.Contains(loaded, f => f.Contains("Source Sans Pro Web", StringComparison.Ordinal));
    }

    /// <summary>uswds.js ran: it marks itself present, lifts the loading state, and wires the mobile menu.</summary>
    static async Task ExpectUswdsScriptsRanAsync(BrowserSession s)
    {
        Assert.True(await s.Page.EvaluateAsync<bool>("() => window.uswdsPresent === true"));
        await Expect(s.Page.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("usa-js-loading"));
        await s.Page.SetViewportSizeAsync(480, 900);
        var nav = s.Page.GetByRole(AriaRole.Navigation, new() { Name = "Primary navigation" });
        await Expect(nav).Not.ToBeVisibleAsync();
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Expect(nav).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-visible"));
        await Expect(nav).ToBeVisibleAsync();
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Close menu" }).ClickAsync();
        await Expect(nav).Not.ToBeVisibleAsync();
        await s.Page.SetViewportSizeAsync(1280, 900);
    }

    void ExpectEveryAssetServedWithItsType(string pages)
    {
        lock (_assets)
        {
            var expected = new Dictionary<string, string> { ["stylesheet"] = "text/css", ["script"] = "text/javascript", ["font"] = "font/woff2" };
            Assert.Contains(_assets, a => a.Type == "stylesheet");
            Assert.Contains(_assets, a => a.Type == "script");
            Assert.Contains(_assets, a => a.Type == "font");
            var wrong = _assets.Where(a => a.Status is not (200 or 304) || !a.ContentType.StartsWith(expected[a.Type], StringComparison.Ordinal)).ToList();
            Assert.True(wrong.Count == 0, $"Assets of {pages} served wrongly:\n" +
                string.Join("\n", wrong.Select(a => $"{a.Status} {a.ContentType} {a.Type} {a.Url}")));
        }
    }

    static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var result = new MemoryStream();
        decoded.CopyTo(result);
        return result.ToArray();
    }

    public Task InitializeAsync()
    {
        output.WriteLine($"published build at {app.PublishDirectory} (publish took {app.PublishTime.TotalSeconds:F0} s), serving {app.BaseUrl}");
        return Task.CompletedTask;
    }

    // The app's own log is the best clue when a check here fails.
    public Task DisposeAsync()
    {
        output.WriteLine(app.Log.Length > 4000 ? app.Log[^4000..] : app.Log);
        return Task.CompletedTask;
    }
}
