using Steward.Data;
using Steward.Features.Audit;
using Steward.Features.Auth;
using Steward.Features.Compliance;
using Steward.Features.Demo;
using Steward.Features.People;
using Steward.Features.Policy;
using Steward.Features.Registry;
using Steward.Features.Vault;
using Steward.Features.Sites;
using Steward.Infrastructure;

if (args is ["scan", ..]) return await ScanCommand.RunAsync(args);

var demo = args.Contains("--demo");
var command = VaultCommand.Handles(args) || BackupCommand.Handles(args);
// A command's own words ("vault rotate-master-key") are not configuration.
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").SkipWhile(a => command && !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
if (demo) builder.Configuration.AddInMemoryCollection(Demo.Settings());
// Listen on loopback by default; ASPNETCORE_URLS, --urls or ASPNETCORE_HTTP_PORTS override it.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
    && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
    builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:5080");
// Serve compressed assets from the build output in any environment (a no-op in a published build).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddOptions<StewardOptions>().Bind(builder.Configuration.GetSection(StewardOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddStewardData(builder.Configuration);
builder.Services.AddStewardAuth(builder.Configuration);
builder.Services.AddStewardErrors();
builder.Services.AddStewardWeb();
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddCompliance(builder.Configuration);
builder.Services.AddPolicy();
builder.Services.AddVault(builder.Configuration);

var app = builder.Build();
app.Services.VerifyRegulation();
// Before any migration: a backup taken by a newer version before an upgrade keeps the old schema.
if (BackupCommand.Handles(args)) return await BackupCommand.RunAsync(app.Services, args, Console.Out);

await app.Services.MigrateStewardDatabaseAsync();
if (command) return await VaultCommand.RunAsync(app.Services, args, Console.Out);
await app.Services.VerifyVaultKeyAsync();
await app.Services.BootstrapAdminAsync();
if (demo) await Demo.SeedAsync(app.Services, app.Logger);

app.UseStewardProxySupport();
app.UseStewardErrors();
app.UseStewardSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseRouting(); // after the error pages, so a re-executed /error/{code} is routed
app.UseAuthentication();
app.UseEndedSessionRejection();
app.UseRateLimiter(); // after authentication: scans are counted per user
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapStewardAuthApi();
app.MapSitesApi();
app.MapUsersApi();
app.MapAuditApi();
app.MapAccountsApi();
app.MapSchoolYearsApi();
app.MapSubmissionsApi();
app.MapReportsApi();
app.MapPublicRegistryApi();
app.MapComplianceApi();
app.MapProtectedContactsApi();
app.MapVaultApi();
app.MapStewardWeb();

await app.RunAsync();
return 0;
