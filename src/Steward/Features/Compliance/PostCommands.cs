using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>The post review workflow: one implementation behind the API and the pages.</summary>
public sealed class PostCommands(StewardDb db, TimeProvider clock, ScanContextProvider scanner, IAuthorizationService authz)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Posts the caller may see: district readers all; others those of the sites they lead, and of the
    /// accounts they manage and their own at a site where they still hold a role (a role removed ends the access).</summary>
    public static IQueryable<Post> Visible(IQueryable<Post> posts, ClaimsPrincipal user)
    {
        if (user.IsDistrictReader()) return posts;
        var me = user.UserId();
        var led = user.SiteIds(Role.Principal, Role.SiteDesignee);
        var member = user.SiteIds();
        return posts.Where(p => led.Contains(p.SiteId) || (member.Contains(p.SiteId) && (p.AuthorUserId == me
            || p.Account!.ManagerUserId == me || p.Account.BackupManagerUserId == me)));
    }

    /// <summary>Submitted site posts in the person's review queue: those of the sites they lead, every site's for
    /// DistrictAdmin. Outside-organization content is not among them: it is DistrictAdmin's alone (Booster §4).</summary>
    public static IQueryable<Post> AwaitingSiteDecision(IQueryable<Post> posts, ClaimsPrincipal user)
    {
        var all = user.Has(Role.DistrictAdmin);
        var led = user.SiteIds(Role.Principal, Role.SiteDesignee);
        return posts.Where(p => p.Status == PostStatus.Submitted && p.OutsideOrganization == null && (all || led.Contains(p.SiteId)));
    }

    /// <summary>Submitted outside-organization content, which DistrictAdmin alone decides (Booster §4): none for anyone else.</summary>
    public static IQueryable<Post> AwaitingOutsideDecision(IQueryable<Post> posts, ClaimsPrincipal user) =>
        user.Has(Role.DistrictAdmin) ? posts.Where(p => p.Status == PostStatus.Submitted && p.OutsideOrganization != null) : posts.Where(p => false);

    /// <summary>Who writes for an account: its manager or backup while they hold a role at its site, a lead of its
    /// site, DistrictAdmin.</summary>
    public async Task<bool> MayWriteAsync(ClaimsPrincipal user, Account account) =>
        ((account.ManagerUserId == user.UserId() || account.BackupManagerUserId == user.UserId()) && user.IsMemberOf(account.SiteId))
        || (await authz.AuthorizeAsync(user, account, SiteOperations.Lead)).Succeeded;

    /// <summary>Who changes, submits and publishes a post: its author while they hold a role at its site, and those
    /// who write for its account.</summary>
    public async Task<bool> MayEditAsync(ClaimsPrincipal user, Post post) =>
        (post.AuthorUserId == user.UserId() && user.IsMemberOf(post.SiteId)) || await MayWriteAsync(user, post.Account!);

    /// <summary>Who decides: leads of the account's site; DistrictAdmin alone for outside-organization content (Booster §4).</summary>
    public async Task<bool> MayDecideAsync(ClaimsPrincipal user, Post post) =>
        post.NeedsDistrictApproval ? user.Has(Role.DistrictAdmin) : (await authz.AuthorizeAsync(user, post, SiteOperations.Lead)).Succeeded;

    /// <summary>Photo subjects must be students the caller may read: another site's student gets the same answer
    /// as an unknown id, so the answer does not reveal other sites' rosters.</summary>
    public async Task<Refusal?> CheckSubjectsAsync(ClaimsPrincipal user, IReadOnlyList<ImageSubjectRequest>? subjects, CancellationToken ct)
    {
        var ids = (subjects ?? []).Where(s => !string.IsNullOrWhiteSpace(s.StudentId)).Select(s => s.StudentId!.Trim().ToUpperInvariant()).Distinct().ToList();
        if (ids.Count == 0) return null;
        var known = await RosterCommands.Visible(db.Students, user).Where(s => ids.Contains(s.StudentNumber)).Select(s => s.StudentNumber).ToListAsync(ct);
        var unknown = ids.Except(known).ToList();
        return unknown.Count == 0 ? null
            : Refusal.Invalid("imageSubjects", $"Not on the roster: {string.Join(", ", unknown.Take(5))}. Name students by their district student ID.");
    }

    public static List<PostImageSubject> Subjects(IReadOnlyList<ImageSubjectRequest>? subjects) =>
        (subjects ?? []).Select(s => new PostImageSubject(Blank(s.StudentId)?.ToUpperInvariant(), Blank(s.Name))).ToList();

    public static List<PostMaterial> Material(IReadOnlyList<MaterialRequest>? material) =>
        (material ?? []).Select(m => new PostMaterial(m.Owner.Trim())).ToList();

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static List<string> Links(IReadOnlyList<string>? links) => (links ?? []).Select(l => l.Trim()).Distinct().ToList();

    public async Task<(Post? Post, Refusal? Refusal)> CreateAsync(ClaimsPrincipal actor, PostRequest request, CancellationToken ct)
    {
        if (request.AccountId is not { } accountId) return (null, Refusal.Invalid("accountId", "accountId is required."));
        var account = await RegistryCommands.Visible(db.Accounts.AsNoTracking(), actor).SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return (null, Refusal.Invalid("accountId", "accountId is not an account you can see."));
        if (!await MayWriteAsync(actor, account))
            return (null, Refusal.Forbidden("Posts are written by the account's manager or backup, or a lead of its site."));
        if (account.Status != AccountStatus.Approved)
            return (null, Refusal.Conflict($"The account is {account.Status}: only approved accounts post (Registry §1, §4)."));
        if (await CheckSubjectsAsync(actor, request.ImageSubjects, ct) is { } badSubjects) return (null, badSubjects);

        var now = Now;
        var post = new Post
        {
            AccountId = account.Id, SiteId = account.SiteId, AuthorUserId = actor.UserId(), Text = "", Status = PostStatus.Draft, CreatedAt = now,
        };
        post.Edit(actor.UserId(), request.Text, Links(request.Links), Subjects(request.ImageSubjects), Blank(request.OutsideOrganization), Material(request.ThirdPartyMaterial), now);
        post.RecordScan(await scanner.ScanAsync(post.ToScannerPost(), ct), now);
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return (post, null);
    }

    /// <summary>Edits a post, sending it back to Draft and scanning it again. A stale rowVersion is refused.</summary>
    public async Task<Refusal?> EditAsync(ClaimsPrincipal actor, Post post, PostRequest request, CancellationToken ct)
    {
        if (request.RowVersion is not { } version) return Refusal.Invalid("rowVersion", "rowVersion is required: send the one you read.");
        if (request.AccountId is { } accountId && accountId != post.AccountId)
            return Refusal.Invalid("accountId", "A post stays with its account: write a new post for the other account.");
        if (await CheckSubjectsAsync(actor, request.ImageSubjects, ct) is { } badSubjects) return badSubjects;
        if (version != post.Version) return Stale;
        var now = Now;
        try
        {
            post.Edit(actor.UserId(), request.Text, Links(request.Links), Subjects(request.ImageSubjects), Blank(request.OutsideOrganization), Material(request.ThirdPartyMaterial), now);
        }
        catch (ConflictException e)
        {
            return Refusal.Conflict(e.Message);
        }
        post.RecordScan(await scanner.ScanAsync(post.ToScannerPost(), ct), now);
        db.Entry(post).Property(p => p.Version).OriginalValue = version;
        return await SaveAsync(ct);
    }

    public async Task<Refusal?> SubmitAsync(Post post, CancellationToken ct)
    {
        var now = Now;
        try
        {
            post.Submit(now);
        }
        catch (ConflictException e)
        {
            return Refusal.Conflict(e.Message);
        }
        // The roster may have changed since the draft was scanned: reviewers decide on a current scan.
        post.RecordScan(await scanner.ScanAsync(post.ToScannerPost(), ct), now);
        return await SaveAsync(ct);
    }

    public async Task<Refusal?> ApproveAsync(ClaimsPrincipal actor, Post post, string? justification, CancellationToken ct)
    {
        var now = Now;
        if (post.Status == PostStatus.Submitted) post.RecordScan(await scanner.ScanAsync(post.ToScannerPost(), ct), now);
        return post.Approve(actor.UserId(), justification, now) ?? await SaveAsync(ct);
    }

    public async Task<Refusal?> RejectAsync(ClaimsPrincipal actor, Post post, string reason, CancellationToken ct) =>
        post.Reject(actor.UserId(), reason.Trim(), Now) ?? await SaveAsync(ct);

    /// <summary>
    /// Publishes an approved post after scanning it once more: a consent revoked, a directory opt-out or a protected
    /// home contact recorded since the approval can make it Blocked, and a Block is never published. The new scan is
    /// kept so the post's page shows why; editing sends it back to draft.
    /// </summary>
    public async Task<Refusal?> PublishAsync(ClaimsPrincipal actor, Post post, CancellationToken ct)
    {
        var now = Now;
        if (post.Status == PostStatus.Approved)
        {
            // The archive keeps the scan the post was published with.
            var scan = await scanner.ScanAsync(post.ToScannerPost(), ct);
            post.RecordScan(scan, now);
            if (scan.Verdict == Steward.Scanning.Verdict.Block)
            {
                return await SaveAsync(ct) ?? Refusal.Conflict(
                    "Since it was approved the post has become Blocked (a consent was revoked, or a student or contact is now protected): "
                    + "the policy forbids publishing it as it is. Edit the post to fix it; it goes back to draft to be scanned and decided again.",
                    "Blocked since approval");
            }
        }

        try
        {
            post.Publish(actor.UserId(), now);
        }
        catch (ConflictException e)
        {
            return Refusal.Conflict(e.Message);
        }
        return await SaveAsync(ct);
    }

    async Task<Refusal?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
    }

    static readonly Refusal Stale = Refusal.Conflict("The post changed since you read it. Reload it and apply your change again.", "Edited by someone else");
}
