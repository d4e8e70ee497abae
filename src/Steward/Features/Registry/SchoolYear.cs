using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Features.Registry;

public sealed class SchoolYearOptions
{
    /// <summary>The month a school year starts (Steward__SchoolYear__StartMonth).</summary>
    public int StartMonth { get; set; } = 7;
}

/// <summary>School years as "2026-27" (DESIGN.md, "Data").</summary>
internal static partial class SchoolYears
{
    public static string For(DateTime utc, int startMonth)
    {
        var first = utc.Month >= startMonth ? utc.Year : utc.Year - 1;
        return Format(first);
    }

    public static string Format(int firstYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{(firstYear + 1) % 100:D2}");

    public static bool IsValid(string? year) =>
        year is not null && Pattern().Match(year) is { Success: true } m
        && (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1) % 100 == int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);

    public static string Next(string year) => Format(FirstYear(year) + 1);

    public static int FirstYear(string year) => int.Parse(year.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>The later of two school years (they sort as text).</summary>
    public static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex Pattern();
}
