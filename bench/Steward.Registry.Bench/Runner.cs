using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Steward.Data;
using Steward.Features.Registry;
using Steward.Infrastructure;

namespace Steward.Registry.Bench;

internal static class Runner
{
    const string PostgresVariable = "STEWARD_BENCH_POSTGRES";
    const double PageGoalMs = 20, CsvGoalSeconds = 2;

    public static async Task<int> RunAsync(RunnerOptions o, string[] args)
    {
        var report = new StringBuilder();
        var loadStart = Load.LoadAverage();
        var command = "dotnet run -c Release --project bench/Steward.Registry.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
        Console.WriteLine($"load average at start: {loadStart} ({Environment.ProcessorCount} cores)");

        var ok = true;
        ok &= await RunProviderAsync(o, "Sqlite", report);
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!o.SqliteOnly && !string.IsNullOrWhiteSpace(postgres)) ok &= await RunProviderAsync(o, "Postgres", report, postgres);
        else if (!o.SqliteOnly) report.AppendLine($"PostgreSQL: not measured ({PostgresVariable} is not set).").AppendLine();

        var loadEnd = Load.LoadAverage();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
            $"{RuntimeInformation.OSDescription}; load average (1/5/15 min) at start {loadStart}, at end {loadEnd}.");
        report.AppendLine().AppendLine("```bash").AppendLine(command).AppendLine("```");

        Console.WriteLine();
        Console.WriteLine(report);
        var file = Path.Combine(AppContext.BaseDirectory, "bench-results.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"(also written to {file})");
        return ok ? 0 : 1;
    }

    static async Task<bool> RunProviderAsync(RunnerOptions o, string provider, StringBuilder report, string? postgresServer = null)
    {
        var dir = Directory.CreateTempSubdirectory("steward-bench-").FullName;
        string? database = null;
        try
        {
            var connection = provider == "Sqlite" ? $"Data Source={Path.Combine(dir, "steward.db")}" : await CreateDatabaseAsync(postgresServer!);
            if (provider == "Postgres") database = connection;
            await using var host = new BenchHost(provider, connection, dir);
            return await MeasureAsync(o, host, report);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (database is not null) await DropDatabaseAsync(postgresServer!, database);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<bool> MeasureAsync(RunnerOptions o, BenchHost host, StringBuilder report)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"[{host.Provider}] starting the app on Kestrel...");
        host.Start();
        Console.WriteLine($"[{host.Provider}] listening on {host.BaseAddress}; seeding {o.Accounts:N0} accounts over {o.Sites} sites...");
        var year = Seeder.SchoolYearFor(DateTime.UtcNow);
        var district = await Seeder.SeedAsync(host.Services, o.Sites, o.Accounts, year);
        Console.WriteLine($"[{host.Provider}] seeded in {district.Elapsed.TotalSeconds:F1} s: {district.Accounts:N0} accounts, {district.Users:N0} users, " +
            $"{district.AuditEvents:N0} audit events");

        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false, MaxConnectionsPerServer = o.Concurrency + 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // One principal per site signs in (password hashing: a little under a second each on a busy machine).
        var signIn = Stopwatch.StartNew();
        var tokens = new string[district.Sites.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, district.Sites.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 },
            async (i, _) => tokens[i] = await http.LoginAsync(district.Sites[i].PrincipalEmail, BenchHost.Password));
        var readerToken = await http.LoginAsync(district.ReaderEmail, BenchHost.Password);
        Console.WriteLine($"[{host.Provider}] {tokens.Length + 1} sign-ins in {signIn.Elapsed.TotalSeconds:F1} s");

        // The bare endpoint serialises exactly the page the API answers, with the app's JSON options.
        var json = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        HttpRequestMessage Api(int i)
        {
            var site = i % district.Sites.Count;
            var message = new HttpRequestMessage(HttpMethod.Get,
                string.Create(CultureInfo.InvariantCulture, $"/api/accounts?siteId={district.Sites[site].Id}&page=1&pageSize=50"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[site]);
            return message;
        }
        static HttpRequestMessage Bare(int i) => new(HttpMethod.Get, BenchHost.BarePath);
        // The same authenticated pipeline (bearer token, roles read from the database) with the smallest answer.
        HttpRequestMessage Me(int i)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % district.Sites.Count]);
            return message;
        }

        using (var first = await http.SendAsync(Api(0)))
        {
            var body = await first.Content.ReadAsStringAsync();
            if (!first.IsSuccessStatusCode) throw new InvalidOperationException($"GET /api/accounts: {(int)first.StatusCode} {body}");
            var page = JsonSerializer.Deserialize<PageOf<AccountResponse>>(body, json)!;
            if (page.Items.Count != Math.Min(50, district.Sites[0].Accounts) || page.Total != district.Sites[0].Accounts
                || page.Items.Any(a => a.SiteId != district.Sites[0].Id))
                throw new InvalidOperationException($"GET /api/accounts answered {page.Items.Count} items of {page.Total}; expected 50 of {district.Sites[0].Accounts}.");
            host.BarePayload = page;
            var bareBody = await http.GetStringAsync(BenchHost.BarePath);
            if (bareBody.Length != body.Length)
                throw new InvalidOperationException($"The bare page is {bareBody.Length} characters, the API's {body.Length}.");
        }

        var deadline = DateTime.UtcNow.AddSeconds(o.MaxSeconds);
        var warm = new Sample("warm-up");
        Console.WriteLine($"[{host.Provider}] warm-up: {o.Warmup} requests of each kind");
        await Load.RoundAsync(warm, http, Bare, o.Warmup, o.Concurrency, deadline);
        await Load.RoundAsync(warm, http, Me, o.Warmup, o.Concurrency, deadline);
        await Load.RoundAsync(warm, http, Api, o.Warmup, o.Concurrency, deadline);

        // Rounds rotate which endpoint goes first, so a burst of load from elsewhere on the machine falls on all
        // alike.
        var bare = new Sample("bare");
        var me = new Sample("me");
        var api = new Sample("api");
        var perRound = (o.Requests + o.Rounds - 1) / o.Rounds;
        for (var r = 0; r < o.Rounds; r++)
        {
            var offset = o.Warmup + r * perRound;
            var kinds = new (Sample Sample, Func<int, HttpRequestMessage> Request)[] { (bare, Bare), (me, i => Me(offset + i)), (api, i => Api(offset + i)) };
            for (var k = 0; k < kinds.Length; k++)
            {
                var (sample, request) = kinds[(k + r) % kinds.Length];
                await Load.RoundAsync(sample, http, request, perRound, o.Concurrency, deadline);
            }
            Console.WriteLine($"[{host.Provider}] round {r + 1}/{o.Rounds}: bare {bare.PerSecond:F0} req/s, me {me.PerSecond:F0} req/s, " +
                $"api {api.PerSecond:F0} req/s (p95 {api.Percentile(95):F1} ms), load {Load.LoadAverage()}");
        }

        // Where an api request's time goes: the same EF query in process, without HTTP.
        var (timings, pageSql, plan) = await QueryProbe.RunAsync(host.Services, district.Sites, calls: 200);

        // The full CSV report as a district reader: one warm-up, then the measured runs.
        var csvTimes = new List<double>();
        long csvBytes = 0;
        var csvRows = 0;
        for (var run = 0; run <= o.CsvRuns && DateTime.UtcNow < deadline.AddSeconds(120); run++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, "/api/reports/registry?format=csv");
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readerToken);
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"CSV report: {(int)response.StatusCode}");
            csvBytes = bytes.Length;
            csvRows = bytes.Count(b => b == (byte)'\n') - 1;
            if (run > 0) csvTimes.Add(seconds);
            Console.WriteLine($"[{host.Provider}] CSV {(run == 0 ? "warm-up" : $"run {run}")}: {seconds:F2} s, {bytes.Length:N0} bytes, {csvRows:N0} rows");
        }
        if (csvRows != district.NotRetired)
            throw new InvalidOperationException($"The CSV report has {csvRows} rows; {district.NotRetired} accounts are not retired.");
        csvTimes.Sort();
        var csvMedian = csvTimes.Count == 0 ? double.NaN : csvTimes[csvTimes.Count / 2];

        // What-if, after everything above: an index that matches the endpoint's ORDER BY, created in this bench
        // database only (not in the app's migrations), then the page measured again beside the bare endpoint.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            await db.Database.ExecuteSqlRawAsync("CREATE INDEX \"IX_Bench_Accounts_SiteId_Platform_Handle\" ON \"Accounts\" (\"SiteId\", \"Platform\", \"Handle\")");
            if (host.Provider == "Postgres") await db.Database.ExecuteSqlRawAsync("ANALYZE \"Accounts\"");
        }
        var (indexedTimings, _, indexedPlan) = await QueryProbe.RunAsync(host.Services, district.Sites, calls: 200);
        var bareIndexed = new Sample("bare, what-if");
        var apiIndexed = new Sample("api, what-if");
        var whatIfDeadline = DateTime.UtcNow.AddSeconds(Math.Max(60, o.MaxSeconds / 2));
        for (var r = 0; r < 2; r++)
        {
            var offset = 7 + r * o.Requests / 4;
            await Load.RoundAsync(r == 0 ? bareIndexed : apiIndexed, http, r == 0 ? Bare : i => Api(offset + i), o.Requests / 4, o.Concurrency, whatIfDeadline);
            await Load.RoundAsync(r == 0 ? apiIndexed : bareIndexed, http, r == 0 ? i => Api(offset + i) : Bare, o.Requests / 4, o.Concurrency, whatIfDeadline);
        }
        Console.WriteLine($"[{host.Provider}] what-if plan:\n{indexedPlan}");

        var p95 = api.Percentile(95);
        var pageMet = p95 < PageGoalMs && api.Failures == 0;
        var csvMet = csvMedian < CsvGoalSeconds;
        var label = host.Provider == "Sqlite" ? "SQLite (WAL, temp folder)" : "PostgreSQL";
        report.AppendLine(CultureInfo.InvariantCulture, $"### {label}: {district.Accounts:N0} accounts over {district.Sites.Count} sites");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Closed loop, {o.Concurrency} concurrent clients on 127.0.0.1, {o.Rounds} alternating rounds after " +
            $"{o.Warmup} warm-up requests each; api requests spread over all {district.Sites.Count} sites, each with its principal's bearer token.");
        report.AppendLine();
        report.AppendLine("| request | requests | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | bytes | throughput vs bare |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (s, what) in new[] { (bare, "bare Kestrel endpoint, same page of 50 (baseline)"),
                     (me, "`GET /api/users/me` (same auth pipeline, tiny answer)"), (api, "`GET /api/accounts?siteId=N&page=1&pageSize=50`") })
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {what} | {s.Requests:N0}{(s.Failures > 0 ? $" ({s.Failures} failed)" : "")} | {s.PerSecond:N0} | {s.Percentile(50):F2} | {s.Percentile(95):F2} | " +
                $"{s.Percentile(99):F2} | {s.CpuMsPerRequest:F2} | {s.MeanBytes:N0} | {s.PerSecond / bare.PerSecond:F3}× |");
        report.AppendLine();
        report.AppendLine("| in process, no HTTP (sequential, 200 calls over the sites) | median ms | CPU ms/call |");
        report.AppendLine("|---|---:|---:|");
        foreach (var t in timings) report.AppendLine(CultureInfo.InvariantCulture, $"| {t.Step} | {t.MedianMs:F2} | {t.CpuMsPerCall:F2} |");
        report.AppendLine();
        report.AppendLine("| report | rows | size | median | min | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| `GET /api/reports/registry?format=csv` (EthicsOffice, all sites) | {csvRows:N0} | {csvBytes / 1e6:F2} MB | {csvMedian:F2} s (of {csvTimes.Count}) | " +
            $"{(csvTimes.Count > 0 ? csvTimes[0] : double.NaN):F2} s | {(csvTimes.Count > 0 ? csvTimes[^1] : double.NaN):F2} s |");
        report.AppendLine();
        var endpointStep = timings.First(t => t.Step.Contains("as the endpoint", StringComparison.Ordinal));
        var indexedStep = indexedTimings.First(t => t.Step.Contains("as the endpoint", StringComparison.Ordinal));
        report.AppendLine("What-if (measured after the above in the same run): with an index on `Accounts (SiteId, Platform, Handle)`, " +
            "matching the endpoint's ORDER BY, added to the bench database only:");
        report.AppendLine();
        report.AppendLine("| `GET /api/accounts?siteId=N&page=1&pageSize=50` | requests | req/s | p50 ms | p95 ms | p99 ms | throughput vs bare | in process: page median ms / CPU ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| as shipped (from the table above) | {api.Requests:N0} | {api.PerSecond:N0} | {api.Percentile(50):F2} | {api.Percentile(95):F2} | {api.Percentile(99):F2} | " +
            $"{api.PerSecond / bare.PerSecond:F3}× | {endpointStep.MedianMs:F2} / {endpointStep.CpuMsPerCall:F2} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| with the index | {apiIndexed.Requests:N0}{(apiIndexed.Failures > 0 ? $" ({apiIndexed.Failures} failed)" : "")} | {apiIndexed.PerSecond:N0} | " +
            $"{apiIndexed.Percentile(50):F2} | {apiIndexed.Percentile(95):F2} | {apiIndexed.Percentile(99):F2} | {apiIndexed.PerSecond / bareIndexed.PerSecond:F3}× " +
            $"(bare {bareIndexed.PerSecond:N0} req/s) | {indexedStep.MedianMs:F2} / {indexedStep.CpuMsPerCall:F2} |");
        report.AppendLine();
        report.AppendLine("| goal (issue 3) | measured | status |");
        report.AppendLine("|---|---:|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| p95 < {PageGoalMs} ms for a site's page of accounts | {p95:F2} ms | {(pageMet ? "met" : "**not met**")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| full CSV of all accounts < {CsvGoalSeconds} s | {csvMedian:F2} s | {(csvMet ? "met" : "**not met**")} |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Seeded in {district.Elapsed.TotalSeconds:F1} s (sites and {district.Users:N0} users through the DbContext, {district.AuditEvents:N0} chained audit events; " +
            $"accounts and registrations by the bulk path); " +
            $"the whole {label} pass took {clock.Elapsed.TotalSeconds:F0} s. CPU ms/req is the process's CPU time (app and load client together) per request.");
        report.AppendLine();
        Console.WriteLine($"[{host.Provider}] page query:\n{pageSql}\n[{host.Provider}] plan:\n{plan}");
        return api.Failures == 0 && bare.Failures == 0 && me.Failures == 0;
    }

    static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "steward_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    static async Task DropDatabaseAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
