using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>The posts the person may see: their own, their accounts', their sites'.</summary>
public sealed class PostsIndexModel(StewardDb db) : PageModel
{
    public PostStatus? Status { get; private set; }
    public PageOf<Post> Posts { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public async Task OnGetAsync(string? status, int? p, CancellationToken ct)
    {
        Status = Enum.TryParse<PostStatus>(status, ignoreCase: false, out var s) ? s : null;
        var query = PostCommands.Visible(db.Posts.AsNoTracking(), User);
        if (Status is { } st) query = query.Where(x => x.Status == st);
        Posts = await query.Include(x => x.Account).Include(x => x.Author).OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id)
            .ToPageAsync(p is >= 1 ? p : 1, Paging.DefaultSize, x => x, ct);
    }

    public static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
