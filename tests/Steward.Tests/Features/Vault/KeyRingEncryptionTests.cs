using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Vault;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Vault;

/// <summary>The sign-in key ring (data protection) is sealed in the database under the vault master key:
/// sessions survive restarts and master key rotation, and a node with another key refuses to start.</summary>
public abstract class KeyRingEncryptionTests<TApp> where TApp : StewardApp
{
    sealed class Restarted(string provider, string connectionString, string dataDirectory, Dictionary<string, string?> settings) : StewardApp
    {
        protected override string Provider => provider;
        protected override string ConnectionString => connectionString;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            settings.Append(new("Steward:DataDirectory", dataDirectory));
    }

    protected abstract TApp NewApp();

    static Restarted Restart(StewardApp app, Dictionary<string, string?>? settings = null) =>
        new(app.IsPostgres ? "Postgres" : "Sqlite", app.ConnectionStringForOtherNodes, app.DataDirectory, settings ?? []);

    static Task<List<string>> KeyRingAsync(StewardApp app) =>
        app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

    /// <summary>Signs in on the pages and returns the authentication cookie(s) as a Cookie header value.</summary>
    static async Task<string> SignInCookieAsync(StewardApp app, string email)
    {
        var response = await new PageClient(app).SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("steward.auth", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    static async Task<HttpStatusCode> ProfileWithCookieAsync(StewardApp app, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/profile");
        request.Headers.Add("Cookie", cookie);
        return (await app.Anonymous().SendAsync(request)).StatusCode;
    }

    [DbFact]
    public async Task KeyRing_IsStoredSealedUnderTheMasterKey_WithNoPlaintextKeyInTheDatabase()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        await app.LoginAsync(StewardApp.AdminEmail); // a token needs the ring's default key
        var master = app.Services.GetRequiredService<MasterKey>();

        var ring = await KeyRingAsync(app);

        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Equal([master.KeyId], KeyRingEncryption.MasterKeyIds(xml));
        });
    }

    [DbFact]
    public async Task CookieAndToken_IssuedBeforeARestart_StillWorkAfterIt()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        var user = await app.CreateUserAsync(Role.Staff);
        var cookie = await SignInCookieAsync(app, user.Email!);
        var token = await app.LoginAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, await ProfileWithCookieAsync(app, cookie));

        await using var restarted = Restart(app);
        await restarted.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, await ProfileWithCookieAsync(restarted, cookie));
        Assert.Equal(HttpStatusCode.OK, (await restarted.WithToken(token).GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithCookieAsync(restarted, "steward.auth=forged"));
    }

    [DbFact]
    public async Task Start_WithAnotherMasterKey_RefusesEvenWithNoCredentialStored_NamingTheKeyRing()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        await app.LoginAsync(StewardApp.AdminEmail);
        var ringBefore = await KeyRingAsync(app);

        var other = Restart(app, new() { ["Steward:Vault:MasterKey"] = MasterKey.Generate().ToBase64() });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => other.InitializeAsync());

        Assert.Contains("the sign-in key ring is sealed under id", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ringBefore, await KeyRingAsync(app)); // it started no ring of its own
    }

    [DbFact]
    public async Task KeysStoredInPlainXml_AreSealedOnStart_AndTheirSessionsKeepWorking()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        var user = await app.CreateUserAsync(Role.Staff);
        var token = await app.LoginAsync(user.Email!);
        var master = app.Services.GetRequiredService<MasterKey>();
        // As a key was stored before the ring was encrypted: data protection's plain XML with its warning.
        await app.WithDbAsync(async db =>
        {
            foreach (var key in await db.DataProtectionKeys.ToListAsync()) key.Xml = Unseal(key.Xml!, master);
            await db.SaveChangesAsync();
        });
        Assert.Contains(await KeyRingAsync(app), xml => xml.Contains("<masterKey", StringComparison.Ordinal));

        await using var restarted = Restart(app);
        await restarted.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, (await restarted.WithToken(token).GetAsync("/api/users/me")).StatusCode);
        Assert.All(await KeyRingAsync(app), xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Equal([master.KeyId], KeyRingEncryption.MasterKeyIds(xml));
        });
    }

    [DbFact]
    public async Task RotateMasterKey_ReSealsTheKeyRingInTheSameTransaction_SessionsKeepWorking()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        var user = await app.CreateUserAsync(Role.Staff);
        var cookie = await SignInCookieAsync(app, user.Email!);
        var token = await app.LoginAsync(user.Email!);
        var file = Directory.GetFiles(app.DataDirectory, "vault.key", SearchOption.AllDirectories).Single();

        var (_, newKey) = await VaultCommand.RotateAsync(app.Services, file);

        Assert.All(await KeyRingAsync(app), xml => Assert.Equal([newKey.KeyId], KeyRingEncryption.MasterKeyIds(xml)));
        await using var restarted = Restart(app);
        await restarted.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, await ProfileWithCookieAsync(restarted, cookie));
        Assert.Equal(HttpStatusCode.OK, (await restarted.WithToken(token).GetAsync("/api/users/me")).StatusCode);
    }

    static string Unseal(string xml, MasterKey master)
    {
        var root = XElement.Parse(xml);
        foreach (var secret in root.Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")).ToList())
            secret.ReplaceWith(KeyRingEncryption.Open(master, secret.Elements().Single()));
        return root.ToString();
    }
}

public sealed class KeyRingEncryptionTests_Sqlite : KeyRingEncryptionTests<SqliteApp>
{
    protected override SqliteApp NewApp() => new();
}

public sealed class KeyRingEncryptionTests_Postgres : KeyRingEncryptionTests<PostgresApp>, IRequiresPostgres
{
    protected override PostgresApp NewApp() => new();
}

public sealed class KeyRingSealTests
{
    static readonly XElement Secret = XElement.Parse("<masterKey><value>c2VjcmV0LWtleS1tYXRlcmlhbA==</value></masterKey>");

    [Fact]
    public void Seal_ThenOpen_GivesTheElementBack_AndHidesIt()
    {
        var master = MasterKey.Generate();

        var sealedElement = KeyRingEncryption.Seal(master, Secret);

        Assert.DoesNotContain("c2VjcmV0", sealedElement.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(sealedElement.Value, KeyRingEncryption.Seal(master, Secret).Value); // a fresh nonce each time
        Assert.Equal(Secret.ToString(), KeyRingEncryption.Open(master, sealedElement).ToString());
    }

    [Fact]
    public void Open_WithAnotherMasterKey_OrAfterTampering_Throws()
    {
        var master = MasterKey.Generate();
        var sealedElement = KeyRingEncryption.Seal(master, Secret);

        Assert.Throws<CryptographicException>(() => KeyRingEncryption.Open(MasterKey.Generate(), sealedElement));

        var bytes = Convert.FromBase64String(sealedElement.Value);
        bytes[20] ^= 1;
        var tampered = new XElement(sealedElement) { Value = Convert.ToBase64String(bytes) };
        Assert.ThrowsAny<CryptographicException>(() => KeyRingEncryption.Open(master, tampered));
    }

    [Fact]
    public void Decryptor_IsCreatedFromAServiceProvider_AsDataProtectionsActivatorDoes()
    {
        var master = MasterKey.Generate();
        var services = new ServiceCollection().AddSingleton(master).BuildServiceProvider();
        var info = new KeyRingXmlEncryptor(master).Encrypt(Secret);

        var decryptor = (Microsoft.AspNetCore.DataProtection.XmlEncryption.IXmlDecryptor)Activator.CreateInstance(info.DecryptorType, (IServiceProvider)services)!;

        Assert.Equal(Secret.ToString(), decryptor.Decrypt(info.EncryptedElement).ToString());
    }
}
