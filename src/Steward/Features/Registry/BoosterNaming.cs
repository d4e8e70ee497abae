using System.Globalization;
using System.Text;
using Steward.Features.Sites;

namespace Steward.Features.Registry;

/// <summary>Booster §3: affiliated partners' and booster clubs' accounts cannot use the school's name or
/// mascot in their name. Compared case-, space-, punctuation- and diacritic-insensitively, also when
/// the words are run together ("wilsonbruinsboosters" contains "Bruins").</summary>
internal static class BoosterNaming
{
    public const string RuleId = "booster-3.naming";
    public const string PolicyReference = "Booster §3";

    /// <summary>The first of the site's names or mascot found in the text, as the site spells it; null when clean.</summary>
    public static string? FindForbiddenWord(Site site, params string?[] texts)
    {
        var forbidden = Terms(site).ToList();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var folded = Fold(text);
            var tokens = Tokens(text);
            foreach (var (term, original) in forbidden)
            {
                // Short names ("WHS") only as a word of their own: "graphsclub" does not contain "PHS".
                var found = term.Length <= 3 ? tokens.Contains(term) : folded.Contains(term, StringComparison.Ordinal);
                if (found) return original;
            }
        }
        return null;
    }

    static IEnumerable<(string Term, string Original)> Terms(Site site)
    {
        // The mascot first: "wilsonbruinsboosters" is reported for "Bruins", the more telling word.
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(site.Mascot))
        {
            names.Add(site.Mascot);
            // "Bruin" as well as "Bruins".
            if (site.Mascot.EndsWith('s') && site.Mascot.Length > 4) names.Add(site.Mascot[..^1]);
        }
        var schoolNames = new List<string> { site.Name, site.Code };
        schoolNames.AddRange(site.Aliases);
        names.AddRange(schoolNames.OrderByDescending(n => n.Length));
        return names.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => (Fold(n), n.Trim()))
            .Where(t => t.Item1.Length >= 2)
            .DistinctBy(t => t.Item1);
    }

    /// <summary>Lower case, no diacritics, letters and digits only.</summary>
    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    static HashSet<string> Tokens(string text) =>
        text.Split(static c => !char.IsLetterOrDigit(c)).Select(Fold).Where(t => t.Length > 0).ToHashSet();

    static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
            if (i == text.Length || separator(text[i]))
            {
                if (i > start) parts.Add(text[start..i]);
                start = i + 1;
            }
        return [.. parts];
    }
}
