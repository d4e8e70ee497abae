using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Compliance;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Features.Vault;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Home;

/// <summary>The dashboard: says what the signed-in person can do, by their roles.</summary>
[AllowAnonymous]
public sealed class IndexModel(StewardDb db, RegistryCommands registry, VaultService vault) : PageModel
{
    public sealed record Card(string Title, string Text, string? Href = null, string? LinkText = null);

    public bool SignedIn { get; private set; }
    public string FullName { get; private set; } = "";
    public List<string> RoleLines { get; } = [];
    public List<Card> Cards { get; } = [];

    public async Task OnGetAsync()
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (!SignedIn) return;
        FullName = User.FindFirst(StewardClaims.FullName)?.Value ?? "";

        var siteIds = User.SiteIds();
        var siteNames = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        foreach (var role in Roles.District.Where(r => User.Has(r))) RoleLines.Add(role.Describe());
        foreach (var (role, site) in User.SiteRoles())
            RoleLines.Add($"{role.Describe()} at {siteNames.GetValueOrDefault(site, "site " + site)}");

        if (User.Has(Role.DistrictAdmin))
        {
            Cards.Add(new("Sites", $"Create and edit the district's {await db.Sites.CountAsync()} sites, their aliases, mascots and public contacts.", "/sites", "Manage sites"));
            Cards.Add(new("People", $"Create staff accounts, place people at sites in their roles, and deactivate departing staff ({await db.Users.CountAsync(u => u.IsActive)} active).", "/people", "Manage people"));
            Cards.Add(new("Protected home contacts", $"Staff and officials' home phones and addresses that posts must not carry (Privacy §5, §6): {await db.ProtectedContacts.CountAsync()} on file, encrypted.",
                "/protected-contacts", "Manage protected contacts"));
        }
        else if (User.Has(Role.Principal))
        {
            Cards.Add(new("Your site's people", "Add staff, make site designees, and deactivate staff who leave your site.", "/people", "Manage your site's people"));
            Cards.Add(new("Your site", "Keep your site's aliases, mascot and public office contacts current: the compliance checks use them.", "/sites", "Open your site"));
        }
        else if (User.IsDistrictReader() || User.SiteIds(Role.SiteDesignee).Count > 0)
        {
            Cards.Add(new("Sites and people", "See the district's sites and who holds which role.", "/sites", "Browse sites"));
        }

        if (User.HasAny(Role.DistrictAdmin, Role.EthicsOffice, Role.DeputySuperintendent))
            Cards.Add(new("Audit log", "Every change and every credential reveal, hash-chained: verify that nothing was edited or deleted.", "/audit", "Open the audit log"));
        if (User.Has(Role.DeputySuperintendent))
            Cards.Add(new("Monitoring (Curricular Use)", "You may monitor any official account at any time without notice: read every site's records."));
        if (User.Has(Role.EthicsOffice))
            Cards.Add(new("Ethics Office", "You receive every site's list of official accounts, without credentials, each school year."));
        if (User.Has(Role.SocialMediaAdmin))
            Cards.Add(new("Social media administration", "You read every site's registry list and the archive of what was posted."));
        if (User.Has(Role.PublicInformation))
            Cards.Add(new("Public information", "You read registry lists and answer public-records requests and media inquiries."));
        if (User.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0)
            Cards.Add(new("Site lead duties", "Approve your site's official accounts and posts, keep its credential vault, and send its list to the Ethics Office.",
                "/registry", "Open your site's registry"));
        if (User.SiteIds(Role.Staff).Count > 0)
            Cards.Add(new("Staff", "Request official accounts for your programs, manage the accounts assigned to you, and draft posts for review.",
                "/accounts/request", "Request an official account"));

        await AddPostCardsAsync();
        await AddRegistryCardsAsync();
        await AddVaultCardAsync();

        Cards.Add(new("Two-factor sign-in", "Protect your account with an authenticator app; revealing vault credentials requires it.", "/profile#two-factor", "Set up two-factor sign-in"));
    }

    /// <summary>Posts by role, from the review workflow's own queries: what waits for the person's decision (site leads;
    /// DistrictAdmin also outside-organization content, Booster §4), and the drafts they wrote, blocked ones first.</summary>
    async Task AddPostCardsAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (User.Has(Role.DistrictAdmin) || User.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0)
        {
            var site = await PostCommands.AwaitingSiteDecision(db.Posts, User).CountAsync(ct);
            var outside = await PostCommands.AwaitingOutsideDecision(db.Posts, User).CountAsync(ct);
            var lines = new List<string>();
            if (outside > 0) lines.Add($"{Display.Count(outside, "outside-organization post")} {Waits(outside)} for your decision (Booster §4).");
            if (site > 0) lines.Add($"{Display.Count(site, "post")} {Waits(site)} for {(User.Has(Role.DistrictAdmin) ? "a site's" : "your")} decision.");
            Cards.Add(new("Post review", lines.Count == 0 ? "No post waits for your decision." : string.Join(" ", lines),
                "/posts/review", "Open the review queue"));
        }

        if (!User.SiteRoles().Any()) return;
        var me = User.UserId();
        var drafts = await PostCommands.Visible(db.Posts.AsNoTracking(), User).Where(p => p.AuthorUserId == me && p.Status == PostStatus.Draft)
            .OrderByDescending(p => p.UpdatedAt).Select(p => new { p.Id, p.ScanVerdict }).ToListAsync(ct);
        if (drafts.Count == 0) return;
        var blocked = drafts.Where(d => d.ScanVerdict == Verdict.Block).ToList();
        if (blocked.Count > 0)
            Cards.Add(new("Your drafts", $"{Display.Count(drafts.Count, "draft")}: {blocked.Count} blocked by the policy checks. Fix what the findings name, then submit for review.",
                blocked.Count == 1 ? $"/posts/{blocked[0].Id}" : "/posts?status=Draft", blocked.Count == 1 ? "Fix the blocked draft" : "Fix the blocked drafts"));
        else
            Cards.Add(new("Your drafts", $"{Display.Count(drafts.Count, "draft")} not yet submitted for review.",
                drafts.Count == 1 ? $"/posts/{drafts[0].Id}" : "/posts?status=Draft", drafts.Count == 1 ? "Open your draft" : "See the drafts"));
    }

    static string Waits(int n) => n == 1 ? "waits" : "wait";

    /// <summary>The registry by role: the approval queue for site leads, one's own accounts for staff,
    /// the year's submissions for the district recipients (Registry §1, §5).</summary>
    async Task AddRegistryCardsAsync()
    {
        var led = User.SiteIds(Role.Principal, Role.SiteDesignee);
        if (User.Has(Role.DistrictAdmin) || led.Count > 0)
        {
            var all = User.Has(Role.DistrictAdmin);
            var waiting = await db.Accounts.CountAsync(a => (a.Status == AccountStatus.Pending || a.Status == AccountStatus.NeedsRenewal)
                                                            && (all || led.Contains(a.SiteId)));
            Cards.Add(new("Account approvals", waiting switch
            {
                0 => "No account request or renewal waits for your decision.",
                1 => "1 account request or renewal waits for your decision.",
                _ => $"{waiting} account requests and renewals wait for your decision.",
            }, "/registry/approvals", "Open the approval queue"));
        }
        if (User.SiteRoles().Any())
        {
            var me = User.UserId();
            var mine = await RegistryCommands.Filter(db.Accounts, new AccountFilter(ManagerUserId: me)).CountAsync(a => a.Status != AccountStatus.Retired);
            Cards.Add(new("My accounts", mine == 0
                ? "You run no official account yet. Request one for your team, club, program or class."
                : $"You run or back up {mine} official {(mine == 1 ? "account" : "accounts")}.", "/accounts/mine", "See my accounts"));
        }
        if (Policies.IsRegistryReader(User))
        {
            var year = await registry.CurrentSchoolYearAsync(HttpContext.RequestAborted);
            var status = await SubmissionsApi.StatusForAsync(db, year, HttpContext.RequestAborted);
            Cards.Add(new("Registry submissions", $"{status.Count(s => s.Submitted)} of {status.Count} sites have sent their list of official accounts for {year}.",
                "/registry/submissions", "See the submissions"));
        }
    }

    /// <summary>Credentials due for rotation (Registry §2): always for site leads and DistrictAdmin, who keep
    /// the vault; for a manager when one of their accounts is due.</summary>
    async Task AddVaultCardAsync()
    {
        var keeper = User.Has(Role.DistrictAdmin) || User.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0;
        if (!keeper && !User.SiteRoles().Any()) return;
        var due = (await vault.RotationDueAsync(User, null, HttpContext.RequestAborted)).Count;
        if (!keeper && due == 0) return;
        Cards.Add(new("Credential rotation", due switch
        {
            0 => "No credential in the vault is due for rotation.",
            1 => "1 credential in the vault is due for rotation: change the password on the platform, then store the new one.",
            _ => $"{due} credentials in the vault are due for rotation: change the passwords on the platforms, then store the new ones.",
        }, "/vault/rotation", "See the credentials due"));
    }
}
