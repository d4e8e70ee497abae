using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Vault;

internal static class VaultSetup
{
    public static IServiceCollection AddVault(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VaultOptions>().Bind(config.GetSection("Steward:Vault"));
        services.AddSingleton(sp =>
        {
            var steward = sp.GetRequiredService<IOptions<StewardOptions>>().Value;
            return MasterKey.Load(sp.GetRequiredService<IOptions<VaultOptions>>().Value, MasterKey.DefaultFile(config, steward));
        });
        services.AddScoped<VaultService>();
        return services;
    }

    /// <summary>At start: the master key loads, and it is the key the stored credentials were wrapped by.
    /// A wrong or missing key stops the app with a clear message, never garbage or a silent empty vault.</summary>
    public static async Task VerifyVaultKeyAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var master = services.GetRequiredService<MasterKey>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        var foreign = await db.Set<CredentialVersion>().Where(v => v.KeyId != master.KeyId).Select(v => v.KeyId)
            .Union(db.Set<Compliance.ProtectedContact>().Where(c => c.KeyId != master.KeyId).Select(c => c.KeyId)).Distinct().ToListAsync(ct);
        if (foreign.Count > 0)
            throw new InvalidOperationException(
                $"The vault master key (id {master.KeyId}) is not the key the stored credentials were encrypted with (id {string.Join(", ", foreign)}). " +
                "Start with the right Steward__Vault__MasterKey or Steward__Vault__MasterKeyFile.");

        // The sign-in key ring is sealed under the same key. With another key this node could read none of
        // it and would start a ring of its own, signing everyone out on the nodes that have the right key.
        var ring = await db.DataProtectionKeys.ToListAsync(ct);
        var foreignRing = ring.SelectMany(k => KeyRingEncryption.MasterKeyIds(k.Xml ?? "<key/>")).Where(id => id != master.KeyId).Distinct().ToList();
        if (foreignRing.Count > 0)
            throw new InvalidOperationException(
                $"The vault master key (id {master.KeyId}) is not the key the stored credentials were encrypted with: " +
                $"the sign-in key ring is sealed under id {string.Join(", ", foreignRing)}. " +
                "Start with the right Steward__Vault__MasterKey or Steward__Vault__MasterKeyFile.");

        // Keys stored in plain XML before the ring was encrypted are sealed in place: sessions they signed keep working.
        var plain = 0;
        foreach (var key in ring)
        {
            if (key.Xml is null || KeyRingEncryption.Reseal(key.Xml, from: null, to: master) is not { } sealedXml) continue;
            key.Xml = sealedXml;
            plain++;
        }
        if (plain > 0) await db.SaveChangesAsync(ct);
    }
}
