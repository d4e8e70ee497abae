using System.Globalization;

namespace Steward.Registry.Bench;

/// <summary>A whole-process load runner: the real app on a Kestrel loopback port with 50,000 seeded accounts,
/// measured beside a bare endpoint on the same port. SQLite always; PostgreSQL too when STEWARD_BENCH_POSTGRES
/// is set. (Not a top-level program: <c>Program</c> is the app's.)</summary>
internal static class RegistryBench
{
    public static async Task<int> Main(string[] args)
    {
        var options = RunnerOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(RunnerOptions.Usage);
            return 2;
        }
        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the current
        // directory; `dotnet run` starts in the caller's.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        return await Runner.RunAsync(options, args);
    }
}

internal sealed record RunnerOptions(int Accounts, int Sites, int Requests, int Concurrency, int Warmup, int Rounds, int CsvRuns,
    int MaxSeconds, bool SqliteOnly)
{
    public const string Usage =
        "usage: Steward.Registry.Bench [--accounts 50000] [--sites 100] [--requests 2000] [--concurrency 4] [--warmup 300] " +
        "[--rounds 4] [--csv-runs 5] [--max-seconds 240] [--sqlite-only]";

    public static RunnerOptions? Parse(string[] args)
    {
        var o = new RunnerOptions(50_000, 100, 2_000, 4, 300, 4, 5, 240, false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--sqlite-only") { o = o with { SqliteOnly = true }; continue; }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) || v < 1) return null;
            o = args[i++] switch
            {
                "--accounts" => o with { Accounts = v },
                "--sites" => o with { Sites = v },
                "--requests" => o with { Requests = v },
                "--concurrency" => o with { Concurrency = v },
                "--warmup" => o with { Warmup = v },
                "--rounds" => o with { Rounds = v },
                "--csv-runs" => o with { CsvRuns = v },
                "--max-seconds" => o with { MaxSeconds = v },
                _ => null,
            };
            if (o is null) return null;
        }
        return o;
    }
}
