using Microsoft.EntityFrameworkCore;

namespace Steward.Infrastructure;

/// <summary>A page of a list, as API.md's conventions describe it.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

internal static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    /// <summary>The last page whose first row an int can still count to at the largest page size.</summary>
    public const int MaxPage = int.MaxValue / MaxSize;

    /// <summary>Checks ?page and ?pageSize; null when they are fine, else the problem to answer.</summary>
    public static IResult? Invalid(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["page starts at 1."];
        else if (page > MaxPage) errors["page"] = [$"page is at most {MaxPage}."];
        if (pageSize is < 1 or > MaxSize) errors["pageSize"] = [$"pageSize is between 1 and {MaxSize}."];
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    public static async Task<PageOf<TOut>> ToPageAsync<TIn, TOut>(this IQueryable<TIn> query, int? page, int? pageSize,
        Func<TIn, TOut> map, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultSize;
        var total = await query.CountAsync(ct);
        // In long: a page far beyond the end (the pages' own ?p= is not checked by Invalid) is simply empty.
        var skip = (long)(p - 1) * size;
        List<TIn> items = skip >= total ? [] : await query.Skip((int)skip).Take(size).ToListAsync(ct);
        return new PageOf<TOut>(items.Select(map).ToList(), p, size, total);
    }
}
