using System.Diagnostics;

namespace Steward.Registry.Bench;

/// <summary>Latencies of one kind of request, gathered over one or more bounded rounds.</summary>
internal sealed class Sample(string name)
{
    readonly List<double> _ms = [];

    public string Name { get; } = name;
    public int Requests => _ms.Count;
    public int Failures { get; private set; }
    public long Bytes { get; private set; }
    public TimeSpan Wall { get; private set; }
    public TimeSpan Cpu { get; private set; }

    public double PerSecond => Requests / Wall.TotalSeconds;
    public double CpuMsPerRequest => Cpu.TotalMilliseconds / Math.Max(1, Requests);
    public double MeanBytes => (double)Bytes / Math.Max(1, Requests);

    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        var sorted = _ms.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public void Add(IEnumerable<double> ms, int failures, long bytes, TimeSpan wall, TimeSpan cpu)
    {
        _ms.AddRange(ms);
        Failures += failures;
        Bytes += bytes;
        Wall += wall;
        Cpu += cpu;
    }
}

internal static class Load
{
    /// <summary>Sends <paramref name="count"/> requests with <paramref name="concurrency"/> workers, each waiting for
    /// its answer before the next (a closed loop), and stops early at <paramref name="deadline"/>.</summary>
    public static async Task RoundAsync(Sample sample, HttpClient http, Func<int, HttpRequestMessage> request, int count, int concurrency,
        DateTime deadline)
    {
        var next = -1;
        var failures = 0;
        long bytes = 0;
        var buffer = new List<double>[concurrency];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = buffer[w] = new List<double>(count / concurrency + 1);
            var scratch = new byte[64 * 1024];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && DateTime.UtcNow < deadline)
            {
                using var message = request(i);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                long read = 0;
                int n;
                while ((n = await body.ReadAsync(scratch)) > 0) read += n;
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                Interlocked.Add(ref bytes, read);
                mine.Add(elapsed);
            }
        })));
        wall.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        sample.Add(buffer.SelectMany(b => b ?? []), failures, bytes, wall.Elapsed, cpuUsed);
    }

    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }
}
