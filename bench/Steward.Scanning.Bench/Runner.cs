using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;

namespace Steward.Scanning.Bench;

/// <summary>
/// The whole-process benchmark: generates the 10 MB corpus and 100,000-name roster, compiles the context, and
/// measures in one run the full scan, a names-only SearchValues&lt;string&gt; pass, a vectorized IndexOfAny pass
/// (the memory-speed limit) and the npm redact-pii package on the same text.
/// </summary>
internal static class Runner
{
    static readonly SearchValues<char> Rare = SearchValues.Create("@#$%^*|~{}<>");

    public static ScanContext BuildContext(Corpus corpus) => ScanContext.CreateBuilder()
        .AddStudents(corpus.Roster)
        .AddSite(new SitePublicContacts { SiteCode = "S1", Phones = ["(562) 555-0100"], Emails = ["office@school.lbusd.org"] })
        .AllowEmailDomain("lbusd.org")
        .Build();

    public static SearchValues<string> NameSearchValues(Corpus corpus)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in corpus.Roster)
        {
            names.Add(s.FirstName + " " + s.LastName);
            if (s.PreferredName is not null)
                names.Add(s.PreferredName + " " + s.LastName);
        }

        return SearchValues.Create([.. names], StringComparison.OrdinalIgnoreCase);
    }

    public static int CountNames(string text, SearchValues<string> names)
    {
        var count = 0;
        var span = text.AsSpan();
        while (true)
        {
            var i = span.IndexOfAny(names);
            if (i < 0)
                return count;
            count++;
            span = span[(i + 1)..];
        }
    }

    public static int CountRare(string text)
    {
        var count = 0;
        var span = text.AsSpan();
        while (true)
        {
            var i = span.IndexOfAny(Rare);
            if (i < 0)
                return count;
            count++;
            span = span[(i + 1)..];
        }
    }

    public static int Run(string[] args)
    {
        var mb = args.Length > 1 && double.TryParse(args[1], CultureInfo.InvariantCulture, out var m) ? m : 10;
        var repoBench = FindBenchDir();
        Console.WriteLine($"Generating corpus ({mb} MB, 100,000 students, seed 2026)...");
        var corpus = Corpus.Generate(targetBytes: (long)(mb * 1024 * 1024));
        var bytes = corpus.Utf8Bytes;
        var megabytes = bytes / 1e6;
        Console.WriteLine($"  {corpus.Posts.Count:N0} posts, {bytes:N0} UTF-8 bytes, roster {corpus.Roster.Count:N0}");

        // Compile: time and memory retained by the context.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var allocBefore = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        var context = BuildContext(corpus);
        sw.Stop();
        var compileMs = sw.Elapsed.TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocBefore;
        var retained = GC.GetTotalMemory(true) - before;
        // Rebuild a few times for a steadier number (JIT is warm after the first).
        var rebuilds = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            sw.Restart();
            GC.KeepAlive(BuildContext(corpus));
            rebuilds.Add(sw.Elapsed.TotalMilliseconds);
        }

        // The worst case for the compiler: 100,000 students whose names are all different (no shared first or last
        // names), so the vocabulary and automaton are as large as a roster of this size can make them.
        var distinct = corpus.Roster.Select((r, k) => r with
        {
            FirstName = "First" + k.ToString(CultureInfo.InvariantCulture),
            LastName = "Last" + k.ToString(CultureInfo.InvariantCulture),
            PreferredName = null,
        }).ToList();
        sw.Restart();
        GC.KeepAlive(ScanContext.CreateBuilder().AddStudents(distinct).Build());
        var distinctMs = sw.Elapsed.TotalMilliseconds;

        var names = NameSearchValues(corpus);

        var rows = new List<(string Name, double MBps, double PostsPerSec, double P99Us, double CpuMBps)>();

        // Vectorized IndexOfAny pass: the memory-speed limit.
        rows.Add(Measure("IndexOfAny (SearchValues<char>) pass", corpus, megabytes, p => CountRare(p)));
        // Names only with the platform's multi-string search.
        rows.Add(Measure("SearchValues<string> names only (OrdinalIgnoreCase)", corpus, megabytes, p => CountNames(p, names)));
        // The full scan.
        rows.Add(Measure("Steward full scan (all rules)", corpus, megabytes, p => context.Scan(p)));
        var findings = corpus.Posts.Sum(p => (long)context.Scan(p).Findings.Count);

        // redact-pii on the same corpus, run by node.
        var redact = RunRedactPii(repoBench, corpus);
        if (redact is not null)
            rows.Add(redact.Value);

        var full = rows.First(r => r.Name.StartsWith("Steward", StringComparison.Ordinal));
        var namesRow = rows.First(r => r.Name.StartsWith("SearchValues<string>", StringComparison.Ordinal));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {corpus.Posts.Count:N0} posts, {megabytes:0.0} MB UTF-8, {corpus.Roster.Count:N0}-student roster; single thread; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Load average when the run ended: {LoadAverage()}");
        sb.AppendLine();
        sb.AppendLine("| pass | MB/s (wall) | posts/s | p99 per post (µs) | full scan is × faster | MB/s (CPU time) | × faster (CPU time) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var ratio = full.MBps / r.MBps;
            var cpuRatio = double.IsNaN(r.CpuMBps) ? "—" : (full.CpuMBps / r.CpuMBps).ToString("0.00", CultureInfo.InvariantCulture) + "×";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.MBps:0.0} | {r.PostsPerSec:N0} | {(double.IsNaN(r.P99Us) ? "—" : r.P99Us.ToString("0", CultureInfo.InvariantCulture))} | {ratio:0.00}× | {(double.IsNaN(r.CpuMBps) ? "—" : r.CpuMBps.ToString("0.0", CultureInfo.InvariantCulture))} | {cpuRatio} |");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Roster compile (100,000 students, {context.NamePatternCount:N0} name spellings): first {compileMs:0} ms, warm {rebuilds.Min():0} ms; retained {retained / 1e6:0.0} MB; allocated while compiling {allocated / 1e6:0.0} MB.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Roster compile, 100,000 students with all-different names (the worst case): {distinctMs:0} ms.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Findings in the corpus: {findings:N0}.");
        sb.AppendLine();
        sb.AppendLine("Goals (issue 5), in this run:");
        var redactRow = rows.FirstOrDefault(r => r.Name.StartsWith("redact-pii", StringComparison.Ordinal));
        if (redactRow.Name is not null)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- full scan ≥ 100× redact-pii: {full.MBps / redactRow.MBps:0}× wall, {full.CpuMBps / redactRow.CpuMBps:0}× CPU time {(full.MBps / redactRow.MBps >= 100 ? "MET" : "NOT MET")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- full scan ≥ 3× names-only SearchValues<string>: {full.MBps / namesRow.MBps:0.0}× wall, {full.CpuMBps / namesRow.CpuMBps:0.0}× CPU time {(full.MBps / namesRow.MBps >= 3 ? "MET" : "NOT MET")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- p99 < 500 µs per ~2 KB post: {full.P99Us:0} µs {(full.P99Us < 500 ? "MET" : "NOT MET")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- compile < 2 s and < 200 MB: {compileMs:0} ms, {retained / 1e6:0} MB retained {(compileMs < 2000 && retained < 200e6 ? "MET" : "NOT MET")}");
        Console.WriteLine();
        Console.WriteLine(sb.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "bench-results.md"), sb.ToString());
        return 0;
    }

    /// <summary>Scans the corpus again and again for a while and prints each pass's MB/s (for perf record).</summary>
    public static int FullOnly(string[] args)
    {
        var seconds = args.Length > 1 && double.TryParse(args[1], CultureInfo.InvariantCulture, out var sec) ? sec : 20;
        var corpus = Corpus.Generate();
        var megabytes = corpus.Utf8Bytes / 1e6;
        var context = BuildContext(corpus);
        if (args.Contains("rebuild"))
        {
            for (var k = 0; k < 3; k++)
                GC.KeepAlive(BuildContext(corpus));
        }

        if (args.Contains("warm"))
        {
            foreach (var p in corpus.Posts.Take(500))
                context.Scan(p);
        }

        Console.WriteLine($"vocabulary {context.Data.Vocabulary.Count:N0} tokens, automaton {context.Data.Automaton.StateCount:N0} states, {context.Data.Automaton.PatternCount:N0} patterns");
        var total = Stopwatch.StartNew();
        var best = 0.0;
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var sw = Stopwatch.StartNew();
            var findings = 0L;
            foreach (var p in corpus.Posts)
                findings += context.Scan(p).Findings.Count;
            var mbps = megabytes / sw.Elapsed.TotalSeconds;
            best = Math.Max(best, mbps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mbps:0.0} MB/s, {findings:N0} findings"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best {best:0.0} MB/s"));
        return 0;
    }

    static (string, double, double, double, double) Measure(string name, Corpus corpus, double megabytes, Action<string> work)
    {
        // Steady state first: .NET compiles hot methods again with optimizations (tiered compilation, PGO) after they
        // have run a while, in the background. A scanner runs in a long-lived server, so warm every pass the same way
        // (at least 3 whole-corpus passes and 2 s) before measuring; without it the first passes ran at a third of
        // the speed and the table measured the JIT, not the code.
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 3 || warm.Elapsed.TotalSeconds < 2; pass++)
        {
            foreach (var p in corpus.Posts)
                work(p);
        }

        // Whole-corpus throughput (best of 5, wall clock and process CPU time), then per-post latency for p99. On a
        // shared machine the CPU time is the steadier figure: time spent descheduled does not count.
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var sw = new Stopwatch();
        var process = Process.GetCurrentProcess();
        for (var rep = 0; rep < 5; rep++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            sw.Restart();
            foreach (var p in corpus.Posts)
                work(p);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }

        var lat = new double[corpus.Posts.Count];
        var tick = Stopwatch.Frequency / 1e6;
        for (var i = 0; i < corpus.Posts.Count; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            work(corpus.Posts[i]);
            lat[i] = (Stopwatch.GetTimestamp() - t0) / tick;
        }

        Array.Sort(lat);
        var p99 = lat[(int)(lat.Length * 0.99)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {megabytes / best:0.0} MB/s ({megabytes / bestCpu:0.0} MB/s CPU time), p99 {p99:0} µs"));
        return (name, megabytes / best, corpus.Posts.Count / best, p99, megabytes / bestCpu);
    }

    static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    static (string, double, double, double, double)? RunRedactPii(string? benchDir, Corpus corpus)
    {
        var script = benchDir is null ? null : Path.Combine(benchDir, "redact-pii", "run.js");
        if (script is null || !File.Exists(script) || !Directory.Exists(Path.Combine(benchDir!, "redact-pii", "node_modules")))
        {
            Console.WriteLine("  redact-pii: skipped (run `npm ci` in bench/redact-pii first)");
            return null;
        }

        var corpusFile = Path.Combine(Path.GetTempPath(), "steward-bench-corpus.jsonl");
        using (var w = new StreamWriter(corpusFile, false, new UTF8Encoding(false)))
        {
            foreach (var p in corpus.Posts)
                w.WriteLine(JsonSerializer.Serialize(p, CorpusJson.Default.String));
        }

        var psi = new ProcessStartInfo("node", [script, corpusFile]) { RedirectStandardOutput = true, UseShellExecute = false };
        try
        {
            using var proc = Process.Start(psi)!;
            var output = proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var r = doc.RootElement;
            var mbps = r.GetProperty("mbPerSec").GetDouble();
            var pps = r.GetProperty("postsPerSec").GetDouble();
            var p99 = r.GetProperty("p99Us").GetDouble();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  redact-pii: {mbps:0.00} MB/s, p99 {p99:0} µs"));
            // run.js reports node's own CPU time (process.cpuUsage) beside wall-clock throughput.
            var cpuMbps = r.TryGetProperty("cpuMbPerSec", out var c) ? c.GetDouble() : double.NaN;
            return ("redact-pii 3.4.0 (node " + r.GetProperty("node").GetString() + ")", mbps, pps, p99, cpuMbps);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("  redact-pii: skipped (node not found)");
            return null;
        }
    }

    static string? FindBenchDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var b = Path.Combine(d.FullName, "bench");
            if (Directory.Exists(Path.Combine(b, "redact-pii")))
                return b;
        }

        return null;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class CorpusJson : System.Text.Json.Serialization.JsonSerializerContext;
