using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
        await s.Page.GotoAsync("/signin");
        for (var i = 0; i < 3; i++)
        {
            var t = System.Diagnostics.Stopwatch.StartNew();
            await s.Page.RunAxe();
            output.WriteLine($"default {t.ElapsedMilliseconds}");
        }
        var t2 = System.Diagnostics.Stopwatch.StartNew();
        await s.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
        output.WriteLine($"tags {t2.ElapsedMilliseconds}");
        var t3 = System.Diagnostics.Stopwatch.StartNew();
        var n = await s.Page.EvaluateAsync<int>("async () => (await axe.run()).violations.length");
        output.WriteLine($"raw {t3.ElapsedMilliseconds} {n}");
        t3 = System.Diagnostics.Stopwatch.StartNew();
        n = await s.Page.EvaluateAsync<int>("async () => (await axe.run({resultTypes:['violations']})).violations.length");
        output.WriteLine($"raw violations-only {t3.ElapsedMilliseconds} {n}");
        t3 = System.Diagnostics.Stopwatch.StartNew();
        await s.Page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        output.WriteLine($"RunAxe violations-only {t3.ElapsedMilliseconds}");
    }
}
