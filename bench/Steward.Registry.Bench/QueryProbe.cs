using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Registry;

namespace Steward.Registry.Bench;

/// <summary>
/// Where the time of <c>GET /api/accounts</c> goes, without HTTP: the same EF query as <c>AccountsApi.ListAsync</c>
/// (visible to a principal of the site, filtered by site, people included, ordered, counted and paged), run in
/// process, with its SQL and the database's plan.
/// </summary>
internal static class QueryProbe
{
    public sealed record Timing(string Step, double MedianMs, double CpuMsPerCall);

    static IQueryable<Account> Query(StewardDb db, ClaimsPrincipal principal, int siteId) =>
        RegistryCommands.Filter(RegistryCommands.Visible(db.Accounts.AsNoTracking(), principal), new AccountFilter(SiteId: siteId))
            .Include(a => a.Site).Include(a => a.Manager)
            .OrderBy(a => a.SiteId).ThenBy(a => a.Platform).ThenBy(a => a.Handle);

    /// <summary>The principal as the claims transformation makes it: a role and a site role claim.</summary>
    static ClaimsPrincipal PrincipalOf(int siteId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Role, "Principal"),
         new Claim("steward:site-role", string.Create(CultureInfo.InvariantCulture, $"Principal:{siteId}"))],
        "Bearer", ClaimTypes.Name, ClaimTypes.Role));

    public static async Task<(List<Timing> Timings, string Sql, string Plan)> RunAsync(IServiceProvider services, IReadOnlyList<SeededSite> sites,
        int calls)
    {
        string sql, plan = "";
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            var query = Query(db, PrincipalOf(sites[0].Id), sites[0].Id).Skip(0).Take(50);
            sql = query.ToQueryString();
            if (db.Database.IsSqlite())
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                // Parameters are declared at the top of ToQueryString()'s text; the plan needs only the statement.
                var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
                command.CommandText = "EXPLAIN QUERY PLAN " + statement;
                foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
                {
                    var parts = line[".param set ".Length..].Split(' ', 2);
                    var p = command.CreateParameter();
                    p.ParameterName = parts[0];
                    p.Value = parts[1].Trim().Trim('\'');
                    command.Parameters.Add(p);
                }
                var rows = new StringBuilder();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) rows.AppendLine(reader.GetString(3));
                plan = rows.ToString();
            }
        }

        var timings = new List<Timing>
        {
            await TimeAsync("EF: count of the site's visible accounts", services, sites, calls, (db, p, s) => Query(db, p, s).CountAsync()),
            await TimeAsync("EF: page of 50 with site and manager (as the endpoint)", services, sites, calls,
                (db, p, s) => Query(db, p, s).Skip(0).Take(50).ToListAsync()),
            await TimeAsync("EF: page of 50, accounts only (no Include)", services, sites, calls,
                (db, p, s) => RegistryCommands.Filter(RegistryCommands.Visible(db.Accounts.AsNoTracking(), p), new AccountFilter(SiteId: s))
                    .OrderBy(a => a.SiteId).ThenBy(a => a.Platform).ThenBy(a => a.Handle).Skip(0).Take(50).ToListAsync()),
            await TimeAsync("EF: page of 50 projected (site code, manager name)", services, sites, calls,
                (db, p, s) => Query(db, p, s).Skip(0).Take(50).Select(a => new { a.Id, a.SiteId, SiteCode = a.Site!.Code, a.Platform, a.Handle, a.Url,
                    a.DisplayName, a.Category, a.Purpose, a.ManagerUserId, ManagerName = a.Manager!.FullName, a.BackupManagerUserId, a.Status,
                    a.SchoolYear, a.ApprovedByUserId, a.ApprovedAt, a.NeedsReassignment, a.PrincipalNotifiedOn, a.BoosterGuidelinesAttested,
                    a.DecisionReason, a.RequestedByUserId, a.RequestedAt, a.Version }).ToListAsync()),
        };
        return (timings, sql, plan);
    }

    static async Task<Timing> TimeAsync<T>(string step, IServiceProvider services, IReadOnlyList<SeededSite> sites, int calls,
        Func<StewardDb, ClaimsPrincipal, int, Task<T>> work)
    {
        var ms = new List<double>(calls);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < calls; i++)
        {
            var site = sites[i % sites.Count];
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            var start = Stopwatch.GetTimestamp();
            await work(db, PrincipalOf(site.Id), site.Id);
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / calls;
        ms.Sort();
        return new Timing(step, ms[ms.Count / 2], cpuMs);
    }
}
