using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Steward.BrowserTests.Infrastructure;

/// <summary>Steward as districts deploy it: <c>dotnet publish</c>, then <c>dotnet Steward.dll</c> in Production
/// as a child process on a free loopback port, with its own data folder. Set STEWARD_PUBLISHED_DIR to test
/// an existing publish folder instead of publishing one.</summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public const string AdminEmail = "published-admin@browser.example";
    public const string Password = BrowserApp.Password;

    readonly string _work = Directory.CreateTempSubdirectory("steward-published-").FullName;
    readonly StringBuilder _log = new();
    Process? _process;
    IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string PublishDirectory { get; private set; } = "";
    public TimeSpan PublishTime { get; private set; }

    /// <summary>Everything the app and the publish step wrote, for failure messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        var launching = Chromium.LaunchAsync();
        try
        {
            PublishDirectory = Environment.GetEnvironmentVariable("STEWARD_PUBLISHED_DIR") is { Length: > 0 } given
                ? Path.GetFullPath(given)
                : await PublishAsync();
            await StartAsync();
        }
        finally
        {
            // Even when publishing or starting failed, so that DisposeAsync can close the browser.
            (_playwright, Browser) = await launching;
        }
    }

    async Task<string> PublishAsync()
    {
        var output = Path.Combine(_work, "publish");
        var project = Path.Combine(Repository.Root, "src", "Steward", "Steward.csproj");
        var started = Stopwatch.GetTimestamp();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-o", output, "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into this build;
        // and no build server may outlive it holding our output pipes open.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        // 20-30 s on a quiet machine; several minutes while the other test assemblies (Chromium, PostgreSQL, the
        // in-process apps) share two cores with it, as in CI: 4 minutes once proved too short there.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await publish.WaitForExitAsync(timeout.Token);
        Append($"dotnet publish:\n{await stdout}{await stderr}");
        PublishTime = Stopwatch.GetElapsedTime(started);
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{Log}");
        return output;
    }

    async Task StartAsync()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        // As operators do: the address comes from ASPNETCORE_URLS alone.
        _process = Start(BaseUrl, Path.Combine(_work, "data"), urlsOnCommandLine: false, Append);
        await WaitForHealthAsync(_process, BaseUrl, TimeSpan.FromSeconds(180), () => Log);
    }

    /// <summary>Starts the published app in Production on <paramref name="baseUrl"/> with its own data folder.</summary>
    public Process Start(string baseUrl, string dataDirectory, bool urlsOnCommandLine, Action<string?> log)
    {
        var dll = Path.Combine(PublishDirectory, "Steward.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"No Steward.dll in {PublishDirectory}:\n{Log}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            // Operators start it from its folder (a systemd WorkingDirectory, a container WORKDIR).
            WorkingDirectory = PublishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (urlsOnCommandLine)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(baseUrl);
        }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("Steward", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["Steward__DataDirectory"] = Directory.CreateDirectory(dataDirectory).FullName;
        start.Environment["Steward__Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Steward__Bootstrap__AdminPassword"] = Password;
        start.Environment["Steward__RateLimits__SignInPerMinute"] = "1000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => log(e.Data);
        process.ErrorDataReceived += (_, e) => log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitForHealthAsync(Process process, string baseUrl, TimeSpan limit, Func<string>? log = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * limit.TotalSeconds);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            // Listening somewhere else is as wrong as not starting, and need not wait for the deadline.
            if (log?.Invoke() is { } text && text.Contains("Now listening on:", StringComparison.Ordinal)
                && !text.Contains($"Now listening on: {baseUrl}", StringComparison.Ordinal))
                throw new InvalidOperationException($"The published app listens elsewhere instead of on {baseUrl}:\n{text}");
            if (process.HasExited)
                throw new InvalidOperationException($"The published app exited with {process.ExitCode} instead of listening on {baseUrl}:\n{log?.Invoke()}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"The published app did not answer {baseUrl}/health within {limit.TotalSeconds} s:\n{log?.Invoke()}");
    }

    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    public string NewDataDirectory() => Path.Combine(_work, "data-" + Guid.NewGuid().ToString("N")[..8]);

    void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper? output, BrowserNewContextOptions? options = null)
    {
        options ??= Chromium.Desktop(BaseUrl);
        options.BaseURL = BaseUrl;
        return await BrowserSession.OpenAsync(await Browser.NewContextAsync(options), output);
    }

    public async Task DisposeAsync()
    {
        // The child process goes in every case, also when a test or the start-up failed.
        if (_process is not null) await StopAsync(_process);
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
