namespace Steward.Scanning;

internal readonly record struct EmailMatch(int Start, int End, string Address, bool Obfuscated);

/// <summary>Email addresses around an '@', and the spelled-out forms "name [at] domain [dot] com" / "john at gmail dot com".</summary>
internal static class EmailParser
{
    static readonly System.Buffers.SearchValues<char> OddLocalChars = System.Buffers.SearchValues.Create("._0123456789");

    static readonly string[] FreeMailDomains =
        ["gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "live", "msn", "comcast", "att", "sbcglobal",
         "verizon", "protonmail", "proton", "ymail", "mail", "me", "charter", "cox"];

    static bool IsLocalChar(char c) => TextFold.IsWordChar(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    static bool IsDomainChar(char c) => (c < 128 && TextFold.IsWordChar(c)) || c == '-';

    public static EmailMatch TryAt(ReadOnlySpan<char> s, int at)
    {
        var l = at;
        while (l > 0 && IsLocalChar(s[l - 1]) && at - l < 64)
            l--;
        while (l < at && s[l] is '.' or '-' or '\'' or '+')
            l++;
        if (l == at)
            return default;

        var end = ParseDomain(s, at + 1, out var labels, out var tldOk);
        if (end < 0 || labels < 2 || !tldOk)
            return default;
        return new EmailMatch(l, end, s[l..end].ToString().ToLowerInvariant(), false);
    }

    /// <summary>Domain labels separated by '.', the last one (TLD) letters only, or an IDN "xn--" label.</summary>
    static int ParseDomain(ReadOnlySpan<char> s, int i, out int labels, out bool tldOk)
    {
        labels = 0;
        tldOk = false;
        var end = -1;
        while (i < s.Length)
        {
            var b = i;
            var letters = true;
            while (i < s.Length && IsDomainChar(s[i]))
            {
                letters &= char.IsAsciiLetter(s[i]);
                i++;
            }

            if (i == b)
                break;
            labels++;
            end = i;
            var label = s[b..i];
            tldOk = (letters && label.Length >= 2) || label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase);
            if (i + 1 < s.Length && s[i] == '.' && IsDomainChar(s[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        return end;
    }

    /// <summary>
    /// Spelled-out addresses around the word "at" (token at [atStart, atEnd)): "jane [at] school [dot] org",
    /// "john at gmail dot com", "john at gmail.com". Bracketed and "dot"-word forms are unambiguous; the plain
    /// "at … .com" form also reads as "shop at Amazon.com", so it needs a cue word ("email me"), a local part with
    /// digits/dots/underscores, or a free-mail domain.
    /// </summary>
    public static EmailMatch TryObfuscated(ReadOnlySpan<char> s, int atStart, int atEnd, bool hasCue, IReadOnlySet<string> tlds)
    {
        // Left: optional bracket, spaces, then the local part.
        var i = atStart;
        var bracketed = false;
        if (i > 0 && s[i - 1] is '[' or '(' or '{' or '<')
        {
            bracketed = true;
            i--;
        }

        var spaces = 0;
        while (i > 0 && s[i - 1] == ' ' && spaces < 2)
        {
            i--;
            spaces++;
        }

        if (!bracketed && spaces == 0)
            return default;
        var localEnd = i;
        while (i > 0 && IsLocalChar(s[i - 1]) && localEnd - i < 64)
            i--;
        while (i < localEnd && s[i] is '.' or '-' or '\'')
            i++;
        if (i == localEnd)
            return default;
        var localStart = i;
        var local = s[localStart..localEnd];

        // Right: closing bracket, spaces, then labels joined by '.', " dot ", "[dot]", "(dot)".
        var j = atEnd;
        if (bracketed)
        {
            if (j >= s.Length || s[j] is not (']' or ')' or '}' or '>'))
                return default;
            j++;
        }

        var upperAt = s[atStart] == 'A' && s[atStart + 1] == 'T';
        while (j < s.Length && s[j] == ' ')
            j++;

        var labels = 0;
        var dotWords = false;
        var end = -1;
        var firstLabel = ReadOnlySpan<char>.Empty;
        var lastLabel = ReadOnlySpan<char>.Empty;
        while (j < s.Length && labels < 6)
        {
            var b = j;
            while (j < s.Length && IsDomainChar(s[j]))
                j++;
            if (j == b)
                break;
            if (labels == 0)
                firstLabel = s[b..j];
            lastLabel = s[b..j];
            labels++;
            end = j;
            var k = j;
            if (k + 1 < s.Length && s[k] == '.' && IsDomainChar(s[k + 1]))
            {
                j = k + 1;
                continue;
            }

            var sep = DotWord(s, k);
            if (sep > 0)
            {
                dotWords = true;
                j = sep;
                continue;
            }

            break;
        }

        if (labels < 2 || !tlds.Contains(lastLabel.ToString().ToLowerInvariant()))
            return default;
        var strong = bracketed || upperAt || dotWords;
        if (!strong)
        {
            var freeMail = false;
            foreach (var d in FreeMailDomains)
                freeMail |= firstLabel.Equals(d, StringComparison.OrdinalIgnoreCase);
            var oddLocal = local.IndexOfAny(OddLocalChars) >= 0;
            if (!(hasCue || oddLocal || freeMail))
                return default;
        }

        return new EmailMatch(localStart, end, s[localStart..end].ToString(), true);
    }

    /// <summary>Returns the index after " dot ", "[dot]", "(dot)", " [dot] " starting at <paramref name="k"/>, else -1.</summary>
    static int DotWord(ReadOnlySpan<char> s, int k)
    {
        var j = k;
        while (j < s.Length && s[j] == ' ' && j - k < 2)
            j++;
        var bracket = j < s.Length && s[j] is '[' or '(' or '{' or '<';
        if (bracket)
            j++;
        if (j + 3 > s.Length || !s.Slice(j, 3).Equals("dot", StringComparison.OrdinalIgnoreCase))
            return -1;
        j += 3;
        if (bracket)
        {
            if (j >= s.Length || s[j] is not (']' or ')' or '}' or '>'))
                return -1;
            j++;
        }
        else if (j == k + 3)
        {
            return -1; // "xdot" glued: not a separator
        }

        var before = j;
        while (j < s.Length && s[j] == ' ' && j - before < 2)
            j++;
        if (!bracket && j == before)
            return -1;
        return j < s.Length && IsDomainChar(s[j]) ? j : -1;
    }
}
