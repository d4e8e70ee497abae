using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Infrastructure;

namespace Steward.Features.Vault;

public sealed record CredentialStatus(bool HasCredential, int? Version, DateTime? UpdatedAt, int? UpdatedByUserId, bool RotationDue, string? RotationReason);

public sealed record RevealedCredential(string Username, string Password, string? Notes, int Version);

public sealed record CredentialHistoryEntry(int Version, DateTime CreatedAt, int CreatedByUserId, string? CreatedByName);

public sealed record RotationDueEntry(int AccountId, int SiteId, string SiteCode, string Platform, string Handle, string DisplayName, int ManagerUserId,
    string ManagerName, DateTime UpdatedAt, string? Reason);

/// <summary>What the vault keeps for one version: the secrets, serialised, then sealed.</summary>
internal sealed record SecretPayload(string Username, string Password, string? Notes);

/// <summary>The credential vault (Registry §2, Curricular Use): store, reveal, history, rotation.</summary>
public sealed class VaultService(StewardDb db, MasterKey master, IOptions<VaultOptions> options, IAuthorizationService authz, TimeProvider clock)
{
    public enum Access { None, SeeAccountOnly, Keeper, Monitor }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Keepers store and reveal (the manager, the site's leads, DistrictAdmin); the Deputy
    /// Superintendent monitors (reads status, reveals). Others who can see the account may not.</summary>
    public async Task<Access> AccessAsync(ClaimsPrincipal user, Account account)
    {
        if (!user.IsDistrictReader() && !user.IsMemberOf(account.SiteId)) return Access.None;
        var me = user.TryUserId();
        // A manager keeps the credential while they hold a role at the account's site (never through a district role).
        if ((account.ManagerUserId == me || account.BackupManagerUserId == me) && user.IsMemberOf(account.SiteId)) return Access.Keeper;
        if ((await authz.AuthorizeAsync(user, account, SiteOperations.Lead)).Succeeded) return Access.Keeper;
        if (user.Has(Role.DeputySuperintendent)) return Access.Monitor;
        return Access.SeeAccountOnly;
    }

    public async Task<CredentialStatus> StatusAsync(int accountId, CancellationToken ct)
    {
        var c = await db.Set<Credential>().AsNoTracking().SingleOrDefaultAsync(x => x.AccountId == accountId, ct);
        return c is null ? new CredentialStatus(false, null, null, null, false, null) : StatusOf(c);
    }

    CredentialStatus StatusOf(Credential c) =>
        new(true, c.CurrentVersion, c.UpdatedAt, c.UpdatedByUserId, c.IsDue(Now, options.Value.MaxAgeDays), c.DueReason(Now, options.Value.MaxAgeDays));

    /// <summary>Statuses of several accounts in one query; an account without a credential is absent.</summary>
    public async Task<Dictionary<int, CredentialStatus>> StatusesAsync(IReadOnlyCollection<int> accountIds, CancellationToken ct)
    {
        var credentials = await db.Set<Credential>().AsNoTracking().Where(c => accountIds.Contains(c.AccountId)).ToListAsync(ct);
        return credentials.ToDictionary(c => c.AccountId, StatusOf);
    }

    public async Task StoreAsync(ClaimsPrincipal user, Account account, string username, string password, string? notes, CancellationToken ct)
    {
        var credential = await db.Set<Credential>().SingleOrDefaultAsync(x => x.AccountId == account.Id, ct);
        var version = (credential?.CurrentVersion ?? 0) + 1;
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new SecretPayload(username, password, notes));
        SealedSecret sealedSecret;
        try
        {
            sealedSecret = VaultCrypto.Seal(master, account.Id, version, plaintext);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        }
        db.Set<CredentialVersion>().Add(new CredentialVersion
        {
            AccountId = account.Id, VersionNumber = version, KeyId = sealedSecret.KeyId, WrappedKey = sealedSecret.WrappedKey,
            Ciphertext = sealedSecret.Ciphertext, CreatedAt = Now, CreatedByUserId = user.UserId(),
        });
        if (credential is null)
        {
            credential = new Credential { AccountId = account.Id };
            db.Set<Credential>().Add(credential);
        }
        credential.CurrentVersion = version;
        credential.UpdatedAt = Now;
        credential.UpdatedByUserId = user.UserId();
        credential.RotationDue = false;
        credential.RotationReason = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Decrypts the current version for someone allowed, with a reason; every attempt is audited.</summary>
    public async Task<(RevealedCredential? Credential, Refusal? Refusal)> RevealAsync(ClaimsPrincipal user, Account account, string reason, CancellationToken ct)
    {
        var credential = await db.Set<Credential>().SingleOrDefaultAsync(x => x.AccountId == account.Id, ct);
        if (credential is null) return (null, Refusal.NotFound("No credential is on file for this account."));
        var stored = await db.Set<CredentialVersion>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.AccountId == account.Id && v.VersionNumber == credential.CurrentVersion, ct);

        byte[]? plaintext = null;
        try
        {
            if (stored is null) throw new VaultIntegrityException("The current version of the credential is missing.");
            plaintext = VaultCrypto.Open(master, account.Id, credential.CurrentVersion, new SealedSecret(stored.KeyId, stored.WrappedKey, stored.Ciphertext));
            var payload = JsonSerializer.Deserialize<SecretPayload>(plaintext)!;
            db.RecordAudit("Revealed", nameof(Credential), account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reason,
                new JsonObject { ["version"] = credential.CurrentVersion });
            credential.LastRevealedAt = Now;
            var me = user.UserId();
            if (options.Value.RotateAfterRevealByOthers && account.ManagerUserId != me && account.BackupManagerUserId != me)
                credential.MarkRotationDue("Revealed to someone other than the account's manager.");
            await db.SaveChangesAsync(ct);
            return (new RevealedCredential(payload.Username, payload.Password, payload.Notes, credential.CurrentVersion), null);
        }
        catch (VaultIntegrityException e)
        {
            db.ChangeTracker.Clear();
            db.RecordAudit("RevealFailed", nameof(Credential), account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reason,
                new JsonObject { ["error"] = e.Message });
            await db.SaveChangesAsync(ct);
            return (null, Refusal.Conflict(e.Message + " The failure is in the audit log; store the credential again.", "Credential integrity check failed"));
        }
        finally
        {
            if (plaintext is not null) System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async Task<List<CredentialHistoryEntry>> HistoryAsync(int accountId, CancellationToken ct) =>
        await db.Set<CredentialVersion>().AsNoTracking().Where(v => v.AccountId == accountId).OrderByDescending(v => v.VersionNumber)
            .Select(v => new CredentialHistoryEntry(v.VersionNumber, v.CreatedAt, v.CreatedByUserId,
                db.Users.Where(u => u.Id == v.CreatedByUserId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>Credentials due for rotation at the sites the user leads (district roles: all).</summary>
    public async Task<List<RotationDueEntry>> RotationDueAsync(ClaimsPrincipal user, int? siteId, CancellationToken ct)
    {
        var cutoff = Now.AddDays(-options.Value.MaxAgeDays);
        var accounts = RegistryCommands.Visible(db.Accounts.AsNoTracking(), user);
        // Only those who may open the credentials see the district-wide list.
        if (!user.HasAny(Role.DistrictAdmin, Role.DeputySuperintendent))
        {
            var led = user.SiteIds(Role.Principal, Role.SiteDesignee);
            var me = user.UserId();
            var member = user.SiteIds();
            accounts = accounts.Where(a => led.Contains(a.SiteId) || (member.Contains(a.SiteId) && (a.ManagerUserId == me || a.BackupManagerUserId == me)));
        }
        if (siteId is { } site) accounts = accounts.Where(a => a.SiteId == site);
        var rows = await accounts.Where(a => a.Status != AccountStatus.Retired)
            .Join(db.Set<Credential>().Where(c => c.RotationDue || c.UpdatedAt < cutoff), a => a.Id, c => c.AccountId, (a, c) => new { a, c })
            .OrderBy(x => x.a.Site!.Code).ThenBy(x => x.a.Handle)
            .Select(x => new { x.a.Id, x.a.SiteId, x.a.Site!.Code, x.a.Platform, x.a.Handle, x.a.DisplayName, x.a.ManagerUserId, Manager = x.a.Manager!.FullName, x.c })
            .ToListAsync(ct);
        return rows.Select(r => new RotationDueEntry(r.Id, r.SiteId, r.Code, r.Platform.ToString(), r.Handle, r.DisplayName, r.ManagerUserId, r.Manager,
            r.c.UpdatedAt, r.c.DueReason(Now, options.Value.MaxAgeDays))).ToList();
    }

    /// <summary>The people who knew the password changed: flag the accounts' credentials.</summary>
    public static async Task MarkRotationDueAsync(StewardDb db, IEnumerable<int> accountIds, string reason, CancellationToken ct = default)
    {
        var ids = accountIds.ToList();
        foreach (var credential in await db.Set<Credential>().Where(c => ids.Contains(c.AccountId)).ToListAsync(ct))
            credential.MarkRotationDue(reason);
    }

    public static Task<bool> HasCredentialAsync(StewardDb db, int accountId, CancellationToken ct) =>
        db.Set<Credential>().AnyAsync(c => c.AccountId == accountId, ct);

    /// <summary>Two-factor sign-in: Identity marks the session with amr=mfa.</summary>
    public bool SatisfiesTwoFactor(ClaimsPrincipal user) =>
        !options.Value.RequireTwoFactor || user.HasClaim("amr", "mfa");
}
