using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Vault;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Vault;

/// <summary>The master key: generated with owner-only permissions, rotated without losing a secret, and a
/// wrong or missing key stops the app with a clear message.</summary>
public abstract class VaultKeyTests<TApp> where TApp : StewardApp
{
    /// <summary>Another app process on the same database and data folder, with extra settings. (The first
    /// app stays up: disposing it would delete the folder.)</summary>
    sealed class Restarted(string provider, string connectionString, string dataDirectory, Dictionary<string, string?> settings) : StewardApp
    {
        protected override string Provider => provider;
        protected override string ConnectionString => connectionString;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            settings.Append(new("Steward:DataDirectory", dataDirectory));
    }

    protected abstract TApp NewApp();

    const string HomePhone = "(562) 938-4471";

    async Task<(TApp App, int AccountId, HttpClient Manager)> AppWithSecretAsync()
    {
        var app = NewApp();
        await app.InitializeAsync();
        var site = await app.CreateSiteAsync();
        var manager = await app.CreateUserAsync(Role.Staff, site.Id);
        var account = await app.SeedAsync(site.Id, manager.Id);
        var client = await app.TwoFactorClientAsync(manager);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync($"/api/accounts/{account.Id}/credential",
            new { username = "rotation_user", password = "rotation-password-1", notes = "n" })).StatusCode);
        // A protected home contact is sealed under the same master key (Privacy §5).
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/protected-contacts", new { phones = new[] { HomePhone } })).StatusCode);
        return (app, account.Id, client);
    }

    static Restarted Restart(StewardApp app, Dictionary<string, string?>? settings = null) =>
        new(app.IsPostgres ? "Postgres" : "Sqlite", app.ConnectionStringForOtherNodes, app.DataDirectory, settings ?? []);

    static string KeyFile(StewardApp app) => Directory.GetFiles(app.DataDirectory, "vault.key", SearchOption.AllDirectories).Single();

    [DbFact]
    public async Task KeyFile_IsGeneratedOnFirstStart_ReadableByItsOwnerOnly()
    {
        var (app, _, _) = await AppWithSecretAsync();
        await using var _ = app;

#pragma warning disable CA1416 // The suite runs on Linux (TOOLCHAIN.md); file modes are the point here.
        var mode = File.GetUnixFileMode(KeyFile(app));
#pragma warning restore CA1416

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(KeyFile(app))).Length);
    }

    [DbFact]
    public async Task RotateMasterKey_EverySecretStillRevealsAfterRestart_AndTheOldKeyNoLongerWorks()
    {
        var (app, accountId, _) = await AppWithSecretAsync();
        await using var __ = app;
        var file = KeyFile(app);
        var oldKey = await File.ReadAllTextAsync(file);

        var (count, newKey) = await VaultCommand.RotateAsync(app.Services, file);
        Assert.Equal(2, count); // the credential version and the protected contact
        Assert.Equal(newKey.ToBase64(), await File.ReadAllTextAsync(file));
        Assert.False(File.Exists(file + ".new"));

        await using (var restarted = Restart(app))
        {
            await restarted.InitializeAsync();
            var manager = await restarted.TwoFactorClientAsync(await restarted.CreateUserAsync(Role.DistrictAdmin));
            var revealed = await (await manager.PostJsonAsync($"/api/accounts/{accountId}/credential/reveal", new { reason = "After rotation." })).JsonAsync();
            Assert.Equal("rotation-password-1", revealed.GetProperty("password").GetString());
            // The scanner context opens the re-wrapped contact under the new key: the home phone still blocks.
            var scan = await (await manager.PostJsonAsync("/api/compliance/scan", new { text = "Carpool? Call 562.938.4471 tonight." })).JsonAsync();
            Assert.Equal("Block", scan.GetProperty("verdict").GetString());
            Assert.Contains(scan.GetProperty("findings").EnumerateArray(), f => f.GetProperty("policyReference").GetString() == "Privacy §5");
        }

        var withOldKey = Restart(app, new() { ["Steward:Vault:MasterKey"] = oldKey });
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await withOldKey.InitializeAsync());
        Assert.Contains("not the key the stored credentials were encrypted with", Flatten(error), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Start_WithAWrongOrMissingKey_FailsWithAClearMessage()
    {
        var (app, _, _) = await AppWithSecretAsync();
        await using var __ = app;

        var wrong = Restart(app, new() { ["Steward:Vault:MasterKey"] = MasterKey.Generate().ToBase64() });
        Assert.Contains("not the key the stored credentials were encrypted with", Flatten(await Assert.ThrowsAnyAsync<Exception>(() => wrong.InitializeAsync())), StringComparison.Ordinal);

        var missing = Restart(app, new() { ["Steward:Vault:MasterKeyFile"] = Path.Combine(app.DataDirectory, "no-such.key") });
        Assert.Contains("does not exist", Flatten(await Assert.ThrowsAnyAsync<Exception>(() => missing.InitializeAsync())), StringComparison.Ordinal);

        var garbage = Restart(app, new() { ["Steward:Vault:MasterKey"] = "not-base64!" });
        Assert.Contains("not base64", Flatten(await Assert.ThrowsAnyAsync<Exception>(() => garbage.InitializeAsync())), StringComparison.Ordinal);
    }

    static string Flatten(Exception e) => e.ToString();
}

public sealed class VaultKeyTests_Sqlite : VaultKeyTests<SqliteApp>
{
    protected override SqliteApp NewApp() => new();
}

public sealed class VaultKeyTests_Postgres : VaultKeyTests<PostgresApp>, IRequiresPostgres
{
    protected override PostgresApp NewApp() => new();
}
