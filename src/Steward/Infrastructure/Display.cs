using System.Globalization;

namespace Steward.Infrastructure;

/// <summary>How pages show counts and times to people (the API keeps ISO 8601).</summary>
public static class Display
{
    /// <summary>"1 post", "3 posts": a count with its noun in the right number.</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>A stored UTC time as "Nov 29, 2026, 17:27 UTC".</summary>
    public static string When(DateTime utc) => utc.ToString("MMM d, yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string When(DateTime? utc) => utc is { } u ? When(u) : "";

    /// <summary>A date as "Nov 29, 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? date) => date is { } d ? Day(d) : "";

    /// <summary>The UTC day of a stored time, as "Nov 29, 2026", where the hour does not matter.</summary>
    public static string Day(DateTime utc) => Day(DateOnly.FromDateTime(utc));

    public static string Day(DateTime? utc) => utc is { } u ? Day(u) : "";
}
