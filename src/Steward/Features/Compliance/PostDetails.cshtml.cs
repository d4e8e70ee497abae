using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>A post with its findings; deciders approve or reject it, writers submit and publish it.</summary>
public sealed class PostDetailsModel(StewardDb db, PostCommands posts) : PageModel
{
    public Post Post { get; private set; } = null!;
    public bool MayDecide { get; private set; }
    public bool MayWrite { get; private set; }
    public Dictionary<int, string> People { get; private set; } = [];

    /// <summary>The photo's students the reader may see on the roster, by student ID, with their consents.</summary>
    public Dictionary<string, Student> Subjects { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(posts.Now);
    public string? Notice { get; private set; }
    public string? Error { get; private set; }
    public string? JustificationError { get; private set; }
    public string? ReasonError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, string? justification, CancellationToken ct) => justification is not null && !PlainText.IsValid(justification, multiLine: true)
        ? ActAsync(id, decision: true, _ => Task.FromResult<Refusal?>(Refusal.Invalid("justification", "The justification contains control characters.")), null, ct)
        : ActAsync(id, decision: true, p => posts.ApproveAsync(User, p, justification?.Length > Limits.Text ? justification[..Limits.Text] : justification, ct),
            "Approved: the author may now publish it.", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3 || reason.Trim().Length > Limits.Text || !PlainText.IsValid(reason, multiLine: true))
        {
            ReasonError = $"Give a reason of 3 to {Limits.Text} characters: the author sees it.";
            return ActAsync(id, decision: true, _ => Task.FromResult<Refusal?>(Refusal.Invalid("reason", ReasonError)), null, ct);
        }
        return ActAsync(id, decision: true, p => posts.RejectAsync(User, p, reason, ct), "Rejected: the author sees your reason.", ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, decision: false, p => posts.SubmitAsync(p, ct), "Submitted for review.", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, decision: false, p => posts.PublishAsync(User, p, ct), "Published. The post is kept for the public record (Content §10).", ct);

    async Task<IActionResult> ActAsync(int id, bool decision, Func<Post, Task<Refusal?>> act, string? done, CancellationToken ct)
    {
        var post = await PostCommands.Visible(db.Posts, User).Include(p => p.Account).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return NotFound();
        var allowed = decision ? await posts.MayDecideAsync(User, post) : await posts.MayEditAsync(User, post);
        if (!allowed) return Forbid();
        var refusal = await act(post);
        if (refusal is null) Notice = done;
        else if (refusal.Field == "justification") JustificationError = refusal.Detail;
        else if (refusal.Field == "reason") ReasonError = refusal.Detail;
        else Error = refusal.Detail;
        if (refusal is not null) Error ??= "Nothing was changed: see below.";
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var post = await PostCommands.Visible(db.Posts.AsNoTracking(), User).Include(p => p.Account).ThenInclude(a => a!.Site)
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return false;
        Post = post;
        MayDecide = await posts.MayDecideAsync(User, post);
        MayWrite = await posts.MayEditAsync(User, post);
        var ids = new[] { post.AuthorUserId, post.DecidedByUserId, post.PublishedByUserId }.OfType<int>().Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var studentIds = post.ImageSubjects.Select(x => x.StudentId).OfType<string>().Distinct().ToList();
        if (studentIds.Count > 0 && RosterCommands.MayReadStudents(User))
            Subjects = await RosterCommands.Visible(db.Students.AsNoTracking().Include(x => x.Consents), User)
                .Where(x => studentIds.Contains(x.StudentNumber)).ToDictionaryAsync(x => x.StudentNumber, ct);
        return true;
    }
}
