using Steward.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Steward.BrowserTests;

[Collection(SharedBrowserApp.Name)]
public sealed class ScratchTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Scratch()
    {
        await using var s = await app.NewSessionAsync(output);
        await s.SignInExpectingDashboardAsync(BrowserApp.AdminEmail);
        var r = await s.Context.APIRequest.GetAsync("/no-such-page", new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
        output.WriteLine($"{r.Status} {(await r.BodyAsync()).Length}");
        foreach (var h in r.Headers) output.WriteLine($"{h.Key}: {h.Value}");
        s.Page.Response += async (_, resp) => { output.WriteLine($"resp {resp.Status} {resp.Url} {string.Join("; ", (await resp.AllHeadersAsync()).Select(h => h.Key + "=" + h.Value))}"); };
        s.Page.Request += async (_, req) => { output.WriteLine($"req {req.Url} {string.Join("; ", (await req.AllHeadersAsync()).Select(h => h.Key + "=" + h.Value))}"); };
        try { var g = await s.Page.GotoAsync("/no-such-page"); output.WriteLine($"goto {g?.Status}"); } catch (Exception e) { output.WriteLine(e.Message); }
        await Task.Delay(500);
        r = await s.Context.APIRequest.GetAsync("/error/404");
        output.WriteLine($"{r.Status} {(await r.BodyAsync()).Length}");
    }
}
