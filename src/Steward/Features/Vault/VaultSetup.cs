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
    }
}
