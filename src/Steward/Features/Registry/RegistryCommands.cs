using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

/// <summary>The registry's operations: one implementation behind the API and the pages.</summary>
public sealed class RegistryCommands(StewardDb db, TimeProvider clock, IOptions<SchoolYearOptions> years)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string DerivedSchoolYear => SchoolYears.For(Now, years.Value.StartMonth);

    /// <summary>The year approvals register for: the calendar's, or a later one already opened.</summary>
    public async Task<string> CurrentSchoolYearAsync(CancellationToken ct)
    {
        var opened = await db.SchoolYearOpenings.MaxAsync(o => (string?)o.SchoolYear, ct);
        return opened is null ? DerivedSchoolYear : SchoolYears.Max(DerivedSchoolYear, opened);
    }

    /// <summary>Accounts the caller may see: district readers all, site roles their sites'.</summary>
    public static IQueryable<Account> Visible(IQueryable<Account> accounts, ClaimsPrincipal user)
    {
        if (user.IsDistrictReader()) return accounts;
        var sites = user.SiteIds();
        return accounts.Where(a => sites.Contains(a.SiteId));
    }

    public static IQueryable<Account> Filter(IQueryable<Account> query, AccountFilter f)
    {
        if (f.SiteId is { } site) query = query.Where(a => a.SiteId == site);
        if (f.Status is { } status) query = query.Where(a => a.Status == status);
        if (f.Category is { } category) query = query.Where(a => a.Category == category);
        if (f.Platform is { } platform) query = query.Where(a => a.Platform == platform);
        if (f.NeedsReassignment is { } reassign) query = query.Where(a => a.NeedsReassignment == reassign);
        if (f.ManagerUserId is { } manager) query = query.Where(a => a.ManagerUserId == manager || a.BackupManagerUserId == manager);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim().ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            query = query.Where(a => a.Handle.Contains(term) || a.DisplayName.ToUpper().Contains(upper) || a.Purpose.ToUpper().Contains(upper));
        }
        return query;
    }

    public async Task<(Account? Account, Refusal? Refusal)> RequestAsync(ClaimsPrincipal actor, AccountRequest request, CancellationToken ct)
    {
        if (request.SiteId is not { } siteId) return (null, Refusal.Invalid("siteId", "siteId is required."));
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null || !(actor.Has(Role.DistrictAdmin) || actor.IsMemberOf(siteId)))
            return (null, Refusal.Invalid("siteId", "You can request accounts only for a site where you hold a role."));

        var account = new Account
        {
            SiteId = siteId, Handle = "", Url = "", DisplayName = "", Purpose = "", SchoolYear = await CurrentSchoolYearAsync(ct),
            Status = AccountStatus.Pending, RequestedByUserId = actor.UserId(), RequestedAt = Now,
        };
        if (await ApplyAsync(account, site, request, actor, ct) is { } refused) return (null, refused);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return (account, null);
    }

    public async Task<Refusal?> UpdateAsync(ClaimsPrincipal actor, Account account, AccountRequest request, CancellationToken ct)
    {
        if (request.RowVersion is not { } version) return Refusal.Invalid("rowVersion", "rowVersion is required: send the one you read.");
        if (version != account.Version) return Stale;
        if (request.SiteId is { } site && site != account.SiteId)
            return Refusal.Invalid("siteId", "An account stays at its site: retire it and request one at the other site.");

        var before = (account.Platform, account.Handle, account.Category);
        var siteRecord = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == account.SiteId, ct);
        if (await ApplyAsync(account, siteRecord, request with { SiteId = account.SiteId }, actor, ct) is { } refused)
            return refused;
        // A different account (platform, handle) or kind of account needs approving again.
        if (before != (account.Platform, account.Handle, account.Category) && account.Status == AccountStatus.Approved)
            account.Status = AccountStatus.Pending;
        account.RecordEdit(actor.UserId());
        db.Entry(account).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return null;
    }

    static readonly Refusal Stale = Refusal.Conflict("The account changed since you read it. Reload it and apply your change again.", "Edited by someone else");

    async Task<Refusal?> ApplyAsync(Account account, Site site, AccountRequest r, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (r.Platform is not { } platform) return Refusal.Invalid("platform", "platform is required.");
        if (r.Category is not { } category) return Refusal.Invalid("category", "category is required.");

        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(r.Url))
        {
            if (!Handles.TryParseUrl(r.Url.Trim(), out var parsed))
                return Refusal.Invalid("url", "url must be an absolute http(s) address of the account's profile.");
            url = parsed;
            if (Handles.PlatformOf(parsed) is { } urlPlatform && urlPlatform != platform && platform != Platform.Other)
                return Refusal.Invalid("url", $"The address is a {urlPlatform} address, not {platform}.");
        }

        var handle = Handles.Normalize(platform, r.Handle);
        if (!string.IsNullOrWhiteSpace(r.Handle) && handle is null)
            return Refusal.Invalid("handle", "handle has letters, digits, dots, dashes and underscores only.");
        var fromUrl = url is null ? null : Handles.FromUrl(platform, url);
        if (handle is null && fromUrl is null)
            return Refusal.Invalid("handle", "handle is required (or a profile url it can be read from).");
        if (handle is not null && fromUrl is not null && handle != fromUrl && Handles.PlatformOf(url!) is not null)
            return Refusal.Invalid("url", $"The address points to {fromUrl}, not {handle}.");
        handle ??= fromUrl!;

        if (await db.Accounts.AnyAsync(a => a.Platform == platform && a.Handle == handle && a.Id != account.Id, ct))
            return Refusal.Conflict($"{platform} account {handle} is already registered.", "Already registered");

        if (r.ManagerUserId is not { } managerId) return Refusal.Invalid("managerUserId", "managerUserId is required: name the staff member who runs the account.");
        if (await CheckStaffAsync(managerId, site.Id, "managerUserId", ct) is { } badManager) return badManager;
        if (r.BackupManagerUserId is { } backupId && await CheckStaffAsync(backupId, site.Id, "backupManagerUserId", ct) is { } badBackup)
            return badBackup;

        if (category == AccountCategory.Curricular && r.PrincipalNotifiedOn is null && account.PrincipalNotifiedOn is null)
            return Refusal.Invalid("principalNotifiedOn",
                "Curricular accounts record when the principal was notified, before the platform's terms were accepted (Curricular Use).");
        if (category == AccountCategory.Booster)
        {
            if (r.BoosterGuidelinesAttested != true && !account.BoosterGuidelinesAttested)
                return Refusal.Invalid("boosterGuidelinesAttested",
                    "Attest that the booster club's application includes the social media guidelines (Booster §2).");
            if (BoosterNaming.FindForbiddenWord(site, handle, r.DisplayName) is { } word)
                return new Refusal(422, "Booster account names may not use the school's name or mascot",
                    $"\"{word}\" is {site.Name}'s name or mascot: booster and affiliate accounts cannot use it in their name (Booster §3).",
                    Field: "handle", Rule: BoosterNaming.RuleId, Word: word);
        }

        account.Platform = platform;
        account.Handle = handle;
        account.Url = url?.ToString() ?? CanonicalUrl(platform, handle);
        account.DisplayName = r.DisplayName.Trim();
        account.Category = category;
        account.Purpose = r.Purpose.Trim();
        if (account.ManagerUserId != managerId && account.Id != 0)
        {
            account.NeedsReassignment = false;
            // The departing manager knew the password.
            await Vault.VaultService.MarkRotationDueAsync(db, [account.Id], "The account's manager changed.", ct);
        }
        account.ManagerUserId = managerId;
        account.BackupManagerUserId = r.BackupManagerUserId;
        if (r.PrincipalNotifiedOn is { } notified) account.PrincipalNotifiedOn = notified;
        if (category == AccountCategory.Booster && r.BoosterGuidelinesAttested == true && !account.BoosterGuidelinesAttested)
        {
            account.BoosterGuidelinesAttested = true;
            account.BoosterAttestedByUserId = actor.UserId();
        }
        return null;
    }

    /// <summary>Managers and backups run the account and keep its credential: active staff with a role at its site
    /// (Registry §1). The Ethics Office and the Social Media Administrator never hold credentials.</summary>
    async Task<Refusal?> CheckStaffAsync(int userId, int siteId, string field, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsActive, AtSite = u.Roles.Any(r => r.SiteId == siteId),
                NoCredentials = u.Roles.Any(r => r.Role == Role.EthicsOffice || r.Role == Role.SocialMediaAdmin),
            }).SingleOrDefaultAsync(ct);
        if (person is null || !person.IsActive) return Refusal.Invalid(field, $"{field} must be an active user.");
        if (person.NoCredentials)
            return Refusal.Invalid(field, $"{field} cannot be the Ethics Office or the Social Media Administrator: they never hold an account's credentials.");
        if (!person.AtSite) return Refusal.Invalid(field, $"{field} must hold a role at the account's site.");
        return null;
    }

    async Task<bool> OpenedElsewhereAsync(string year)
    {
        db.ChangeTracker.Clear();
        return await db.SchoolYearOpenings.AsNoTracking().AnyAsync(o => o.SchoolYear == year);
    }

    public static string CanonicalUrl(Platform platform, string handle) => platform switch
    {
        Platform.Facebook => $"https://www.facebook.com/{handle}",
        Platform.Instagram => $"https://www.instagram.com/{handle}/",
        Platform.X => $"https://x.com/{handle}",
        Platform.YouTube => $"https://www.youtube.com/@{handle}",
        Platform.TikTok => $"https://www.tiktok.com/@{handle}",
        Platform.LinkedIn => $"https://www.linkedin.com/company/{handle}",
        Platform.Flickr => $"https://www.flickr.com/photos/{handle}",
        Platform.WordPress => $"https://{handle}.wordpress.com/",
        Platform.Pinterest => $"https://www.pinterest.com/{handle}/",
        Platform.Threads => $"https://www.threads.net/@{handle}",
        Platform.Bluesky => $"https://bsky.app/profile/{handle}",
        _ => handle,
    };

    public async Task<Refusal?> DecideAsync(ClaimsPrincipal actor, Account account, Action<Account, int> decision, bool isApprovalDecision, CancellationToken ct)
    {
        var me = actor.UserId();
        if (isApprovalDecision && !account.CanBeDecidedBy(me))
            return Refusal.Conflict("Nobody approves or rejects a request they made or edited: another site lead decides.");
        try
        {
            decision(account, me);
        }
        catch (ConflictException e)
        {
            return Refusal.Conflict(e.Message);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<Refusal?> ApproveAsync(ClaimsPrincipal actor, Account account, CancellationToken ct)
    {
        // Curricular Use: usernames and passwords are with the principal before students are involved.
        if (account.RequiresCredentialBeforeApproval && !await Vault.VaultService.HasCredentialAsync(db, account.Id, ct))
            return Refusal.Conflict("A curricular account's username and password must be on file in the vault before it is approved (Curricular Use).",
                "Credential required");
        var year = await CurrentSchoolYearAsync(ct);
        return await DecideAsync(actor, account, (a, me) => a.Approve(me, Now, year), true, ct);
    }

    public async Task<(string Year, int Moved)> OpenSchoolYearAsync(ClaimsPrincipal actor, string year, CancellationToken ct)
    {
        if (await db.SchoolYearOpenings.AnyAsync(o => o.SchoolYear == year, ct)) return (year, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var approved = await db.Accounts.Where(a => a.Status == AccountStatus.Approved && string.Compare(a.SchoolYear, year) < 0).ToListAsync(ct);
        var moved = approved.Count(a => a.OpenYear(year));
        db.SchoolYearOpenings.Add(new SchoolYearOpening { SchoolYear = year, OpenedAt = Now, OpenedByUserId = actor.UserId(), AccountsMovedToRenewal = moved });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone opened the same year at the same moment: theirs stands, ours is a no-op.
            if (await OpenedElsewhereAsync(year)) return (year, 0);
            throw;
        }
        return (year, moved);
    }
}
