using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Steward.BrowserTests.Infrastructure;

/// <summary>One browser context and page. Every page it arrives at is checked with axe, and any console
/// error or failed asset request so far fails the test there, next to the step that caused it.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    readonly List<string> _problems = [];
    readonly ITestOutputHelper? _output;

    BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper? output)
    {
        Context = context;
        Page = page;
        _output = output;
        page.Console += (_, message) =>
        {
            // Failed loads are judged by the response handler below, which knows a document's 404 can be intended.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                Record($"console error on {page.Url}: {message.Text} ({message.Location})");
        };
        // Destructive actions ask first (wwwroot/js/confirm.js): accepted unless a test says otherwise, and recorded.
        page.Dialog += async (_, dialog) =>
        {
            lock (Dialogs) Dialogs.Add(dialog.Message);
            if (DismissDialogs) await dialog.DismissAsync();
            else await dialog.AcceptAsync();
        };
        page.PageError += (_, error) => Record($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            // Documents may answer 404 on purpose; an asset never should.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                Record($"{response.Status} for {response.Request.ResourceType} {response.Url}");
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> CheckedPages { get; } = [];
    /// <summary>The messages of the confirmation dialogs the page opened, in order.</summary>
    public List<string> Dialogs { get; } = [];
    /// <summary>Answer the next confirmation dialogs with Cancel instead of OK.</summary>
    public bool DismissDialogs { get; set; }

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context, ITestOutputHelper? output) =>
        new(context, await context.NewPageAsync(), output);

    /// <summary>Cookies and storage, to open another session already signed in.</summary>
    public Task<string> StorageStateAsync() => Context.StorageStateAsync();

    void Record(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    /// <summary>Opens a path and checks the page; returns the document's HTTP status.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        await ArrivedAsync();
        return response.Status;
    }

    /// <summary>Clicks something that submits a form or follows a link, waits for the next page to load, and checks it.</summary>
    public async Task SubmitAsync(ILocator control)
    {
        // A marker on the current document tells the old page from the new one, also when the server
        // answers a POST with the same URL (a page re-rendered with a notice).
        await Page.EvaluateAsync("() => { window.__stewardBefore = true; }");
        await control.ClickAsync();
        await Page.WaitForFunctionAsync("() => !window.__stewardBefore && document.readyState === 'complete'");
        await ArrivedAsync();
    }

    /// <summary>The page's primary navigation, for asserting what a role may reach.</summary>
    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Primary navigation" });

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<IReadOnlyList<string>> NavLinkNamesAsync() =>
        (await Navigation.Locator(".usa-nav__primary a, .usa-nav__secondary-links a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    async Task ArrivedAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await ExpectNoAxeViolationsAsync(Page);
        CheckedPages.Add(new Uri(Page.Url).PathAndQuery);
        _output?.WriteLine($"axe: no violations on {new Uri(Page.Url).PathAndQuery} ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
        ExpectNoProblems();
    }

    public void ExpectNoProblems()
    {
        lock (_problems)
            Assert.True(_problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>Renderings axe already passed, by a hash of their DOM (antiforgery tokens aside): the same
    /// markup with the same styles gives the same result, and the sign-in page alone is seen dozens of times.</summary>
    static readonly ConcurrentDictionary<string, bool> Passed = new();

    public static async Task ExpectNoAxeViolationsAsync(IPage page)
    {
        var markup = await page.EvaluateAsync<string>(
            "() => innerWidth + '|' + document.documentElement.outerHTML.replace(/(name=\"__RequestVerificationToken\"[^>]*value=\")[^\"]*/g, '$1')");
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markup)));
        if (Passed.ContainsKey(key)) return;
        var result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            Passed.TryAdd(key, true);
            return;
        }
        Assert.Fail(Describe(page.Url, result.Violations));
    }

    /// <summary>Violations as a reader wants them: the rule, why, and the offending elements.</summary>
    static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe found {violations.Length} violation(s) on {url}:\n");
        foreach (var v in violations)
        {
            text.Append("\n• ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append('\n');
            text.Append("  ").Append(v.HelpUrl).Append('\n');
            foreach (var node in v.Nodes.Take(8))
            {
                text.Append("  - ").Append(node.Target).Append('\n');
                text.Append("    ").Append(node.Html).Append('\n');
                // axe's own failure summary: every "all"/"none" check must be fixed, one "any" check suffices.
                foreach (var check in (node.All ?? []).Concat(node.None ?? []))
                    text.Append("    fix: ").Append(check.Message).Append('\n');
                if (node.Any is { Length: > 0 } any)
                    text.Append("    fix one of: ").Append(string.Join(" | ", any.Select(c => c.Message))).Append('\n');
            }
            if (v.Nodes.Length > 8) text.Append("  … and ").Append(v.Nodes.Length - 8).Append(" more\n");
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
