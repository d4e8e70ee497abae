using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Scanning;

/// <summary>
/// Content §12: a post that uses someone else's material must carry a notice crediting the owner and saying how and
/// when permission was granted, e.g. "Photo © Jane Doe, used with permission granted 3/4/2026".
/// </summary>
internal static partial class CopyrightNotice
{
    const int Reach = 160;

    [GeneratedRegex(@"\b(used\s+(with|by)\s+(kind\s+)?permission|with\s+(the\s+)?(written\s+)?permission|permission\s+(was\s+)?(granted|given|obtained|received)|reprinted\s+with\s+permission|reproduced\s+with\s+permission|courtesy\s+of|licensed\s+(under|by|from)|under\s+(a\s+)?(cc|creative\s+commons)|cc[\s-]by|permission\s+from|by\s+permission\s+of|granted\s+permission)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowRegex();

    [GeneratedRegex(@"\b(\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|(19|20)\d{2})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhenRegex();

    /// <summary>Null when the notice is complete; otherwise what to do.</summary>
    public static string? Problem(string text, string owner)
    {
        var example = $"e.g. \"Photo © {owner}, used with permission granted 3/4/2026\"";
        var at = Find(text, owner);
        if (at < 0)
            return $"Add a credit notice naming {owner}, the owner of the material, and how and when permission was granted ({example}) (Content §12).";

        // Look for the "how" and "when" near any mention of the owner.
        while (at >= 0)
        {
            var from = Math.Max(0, at - Reach);
            var to = Math.Min(text.Length, at + owner.Length + Reach);
            var window = text.AsSpan(from, to - from);
            var how = HowRegex().IsMatch(window);
            var when = WhenRegex().IsMatch(window);
            if (how && when)
                return null;
            var next = Find(text, owner, at + owner.Length);
            if (next < 0)
            {
                return !how
                    ? $"The credit to {owner} must say how permission was granted ({example}) (Content §12)."
                    : $"The credit to {owner} must say when permission was granted ({example}) (Content §12).";
            }

            at = next;
        }

        return null;
    }

    static int Find(string text, string owner, int from = 0)
    {
        var ci = CultureInfo.InvariantCulture.CompareInfo;
        while (from < text.Length)
        {
            var at = ci.IndexOf(text, owner, from, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
            if (at < 0)
                return -1;
            var end = at + owner.Length;
            if ((at == 0 || !TextFold.IsWordChar(text[at - 1])) && (end >= text.Length || !TextFold.IsWordChar(text[end])))
                return at;
            from = at + 1;
        }

        return -1;
    }
}
