using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Registry.Bench;

namespace Steward.Vault.Bench;

/// <summary>
/// Whole round trips through the real app (SQLite in a temp folder, Kestrel on 127.0.0.1): a site lead stores a
/// credential (<c>PUT /api/accounts/{id}/credential</c>) and reveals it with a reason (<c>POST .../reveal</c>),
/// beside the credential's status (<c>GET .../credential</c>: the same lookup and authorization, no crypto, no write).
/// Sequential, one request at a time, the three kinds interleaved; bounded in count and time.
/// </summary>
internal static class HttpRunner
{
    public static async Task<int> RunAsync(int rounds, string[] args)
    {
        var loadStart = Load.LoadAverage();
        var dir = Directory.CreateTempSubdirectory("steward-vault-bench-").FullName;
        try
        {
            await using var host = new BenchHost("Sqlite", $"Data Source={Path.Combine(dir, "steward.db")}", dir);
            host.Start();
            var district = await Seeder.SeedAsync(host.Services, siteCount: 2, accountCount: 200, Seeder.SchoolYearFor(DateTime.UtcNow));
            var site = district.Sites[0];
            int[] accounts;
            await using (var scope = host.Services.CreateAsyncScope())
                accounts = await scope.ServiceProvider.GetRequiredService<StewardDb>().Accounts.Where(a => a.SiteId == site.Id)
                    .OrderBy(a => a.Id).Select(a => a.Id).Take(20).ToArrayAsync();

            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await http.LoginAsync(site.PrincipalEmail, BenchHost.Password));

            var n = 0;
            HttpRequestMessage Store(int i) => new(HttpMethod.Put, $"/api/accounts/{accounts[i % accounts.Length]}/credential")
            {
                Content = JsonContent.Create(new
                {
                    username = "wilsonhigh.athletics@lbusd.org",
                    password = string.Create(CultureInfo.InvariantCulture, $"c0rrect-Horse-Battery-{Interlocked.Increment(ref n)}!"),
                    notes = "Recovery email is the athletics office; 2FA codes with the AD.",
                }),
            };
            HttpRequestMessage Reveal(int i) => new(HttpMethod.Post, $"/api/accounts/{accounts[i % accounts.Length]}/credential/reveal")
            {
                Content = JsonContent.Create(new { reason = "Benchmark: monthly check of the account's recovery settings." }),
            };
            HttpRequestMessage Status(int i) => new(HttpMethod.Get, $"/api/accounts/{accounts[i % accounts.Length]}/credential");

            // Every account gets a credential first; store answers 204, the others 200.
            for (var i = 0; i < accounts.Length; i++)
            {
                using var stored = await http.SendAsync(Store(i));
                if ((int)stored.StatusCode != 204) throw new InvalidOperationException($"store: {(int)stored.StatusCode} {await stored.Content.ReadAsStringAsync()}");
            }
            using (var revealed = await http.SendAsync(Reveal(0)))
                if (!revealed.IsSuccessStatusCode || !(await revealed.Content.ReadAsStringAsync()).Contains("c0rrect-Horse-Battery-", StringComparison.Ordinal))
                    throw new InvalidOperationException($"reveal: {(int)revealed.StatusCode}");

            var deadline = DateTime.UtcNow.AddSeconds(180);
            var warm = new Sample("warm-up");
            var status = new Sample("status");
            var store = new Sample("store");
            var reveal = new Sample("reveal");
            foreach (var (sample, make) in new[] { (warm, (Func<int, HttpRequestMessage>)Status), (warm, Store), (warm, Reveal) })
                await Load.RoundAsync(sample, http, make, 50, 1, deadline);
            const int Rounds = 4;
            var perRound = (rounds + Rounds - 1) / Rounds;
            for (var r = 0; r < Rounds; r++)
            {
                var kinds = new (Sample, Func<int, HttpRequestMessage>)[] { (status, Status), (store, Store), (reveal, Reveal) };
                for (var k = 0; k < kinds.Length; k++)
                {
                    var (sample, make) = kinds[(k + r) % kinds.Length];
                    await Load.RoundAsync(sample, http, make, perRound, 1, deadline);
                }
            }

            var report = new StringBuilder();
            report.AppendLine("| round trip (sequential, one principal, 20 accounts) | requests | req/s | p50 ms | p95 ms | p99 ms | CPU ms/op |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (s, what, failures) in new[]
                     {
                         (status, "`GET /api/accounts/{id}/credential` (status: lookup + authorization, no crypto)", status.Failures),
                         (store, "`PUT /api/accounts/{id}/credential` (store: seal + new version + audit)", store.Failures),
                         (reveal, "`POST /api/accounts/{id}/credential/reveal` (reveal: open + audit + rotation flag)", reveal.Failures),
                     })
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {what} | {s.Requests:N0}{(failures > 0 ? $" ({failures} failed)" : "")} | {s.PerSecond:N0} | {s.Percentile(50):F2} | {s.Percentile(95):F2} | " +
                    $"{s.Percentile(99):F2} | {s.CpuMsPerRequest:F2} |");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; " +
                $"load average at start {loadStart}, at end {Load.LoadAverage()}. CPU ms/op is the process's CPU time (app and client) per request.");
            report.AppendLine().AppendLine("```bash")
                .AppendLine("dotnet run -c Release --project bench/Steward.Vault.Bench -- " + string.Join(' ', args)).AppendLine("```");
            Console.WriteLine();
            Console.WriteLine(report);
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "vault-http-results.md"), report.ToString());
            return status.Failures + store.Failures + reveal.Failures == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
