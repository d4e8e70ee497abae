namespace Steward.Scanning;

internal enum PhoneKind : byte
{
    None,
    NorthAmerican,
    Local,
    Vanity,
    International,
}

internal readonly record struct PhoneMatch(int Start, int End, long Key, PhoneKind Kind);

/// <summary>
/// Hand-written parser for phone numbers as people write them, run only where a digit token starts. It groups
/// digits by separators and accepts the NANP shapes (3-3-4, (3) 3-4, 10 digits, 1- or +1 prefix, extensions),
/// letter vanity numbers, 7-digit local numbers after a cue word, and +CC international numbers. Dates, scores,
/// times, money and ZIP codes never have these shapes.
/// </summary>
internal static class PhoneParser
{
    /// <summary>Digits of a number as a key for allow-lists: 10 digits for NANP (the +1 dropped), else all digits.</summary>
    public static long KeyOf(string phone)
    {
        long key = 0;
        var count = 0;
        foreach (var c in phone)
        {
            var d = c is >= '0' and <= '9' ? c - '0' : VanityDigit(c);
            if (d < 0)
                continue;
            if (++count > 15)
                return -1;
            key = key * 10 + d;
        }

        if (count == 11 && key / 10_000_000_000 == 1)
            key -= 10_000_000_000;
        return count >= 7 ? key : -1;
    }

    static int VanityDigit(char c)
    {
        c = char.ToUpperInvariant(c);
        return c switch
        {
            >= 'A' and <= 'C' => 2,
            >= 'D' and <= 'F' => 3,
            >= 'G' and <= 'I' => 4,
            >= 'J' and <= 'L' => 5,
            >= 'M' and <= 'O' => 6,
            >= 'P' and <= 'S' => 7,
            >= 'T' and <= 'V' => 8,
            >= 'W' and <= 'Z' => 9,
            _ => -1,
        };
    }

    static bool IsSep(char c) => c is ' ' or '-' or '.' or '/' or '\u00A0' or '\u2010' or '\u2011' or '\u2013';

    /// <summary>
    /// Whether a phone can start with this digit token (<paramref name="length"/> digits): without a "+", a phone's
    /// first digit group is a trunk "1", three digits (area code or exchange) or a bare ten-digit run, so scores,
    /// dates, times and money ("21-14", "9/18", "6:30", "2026") are ruled out without parsing.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool CanStart(ReadOnlySpan<char> s, int tokenStart, int length) =>
        length is 3 or 10 || (length == 1 && s[tokenStart] == '1') || (tokenStart > 0 && s[tokenStart - 1] == '+');

    /// <summary>
    /// Tries a phone number whose first digit token starts at <paramref name="tokenStart"/>; the caller has checked
    /// <see cref="CanStart"/> on that token.
    /// </summary>
    public static PhoneMatch TryParse(ReadOnlySpan<char> s, int tokenStart, bool hasLocalCue)
    {

        var start = tokenStart;
        var plus = false;
        var openParen = false;
        if (start > 0 && s[start - 1] == '(')
        {
            start--;
            openParen = true;
        }
        else if (start > 0 && s[start - 1] == '+')
        {
            start--;
            plus = true;
            if (start > 0 && s[start - 1] == '(')
            {
                // "(+44) (555)123-1234"
                start--;
                openParen = true;
            }
        }

        var parenArea = openParen && !plus;

        // Left context: "abc415-666-7777", "$415-666-7777", "4561--455" are not phones.
        if (start > 0)
        {
            var p = s[start - 1];
            if (TextFold.IsWordChar(p) || p is '$' or '€' or '£' or '@' or '/' or '_')
                return default;
            if (p is '-' or '.' && start > 1 && (TextFold.IsAsciiDigit(s[start - 2]) || s[start - 2] == '-'))
                return default;
        }

        Span<int> groupLen = stackalloc int[8];
        Span<int> groupEnd = stackalloc int[8];
        Span<long> groupKey = stackalloc long[8];
        var groups = 0;
        var digits = 0;
        long key = 0;
        var i = tokenStart;
        var end = tokenStart;
        while (groups < 8)
        {
            var g = i;
            while (i < s.Length && TextFold.IsAsciiDigit(s[i]))
            {
                if (digits < 18)
                    key = key * 10 + (s[i] - '0');
                digits++;
                i++;
            }

            if (i == g)
                break;
            groupLen[groups] = i - g;
            groupEnd[groups] = i;
            groupKey[groups] = key;
            groups++;
            end = i;

            // Separator run: at most 3 characters, e.g. "-", " ", ") ", " - ", " (".
            var j = i;
            var dashes = 0;
            var ok = true;
            while (j < s.Length && j - i < 4)
            {
                var c = s[j];
                if (c == '(')
                {
                    // Only a trunk or country code may precede a parenthesised group: "1 (312) 515-2239", "+44 (20)".
                    if (openParen || !(plus || (groups == 1 && groupLen[0] == 1)))
                    {
                        ok = false;
                        break;
                    }

                    openParen = true;
                }
                else if (c == ')')
                {
                    if (!openParen)
                    {
                        ok = false;
                        break;
                    }

                    openParen = false;
                }
                else if (IsSep(c))
                {
                    if (c is not (' ' or '\u00A0'))
                        dashes++;
                }
                else
                {
                    break;
                }

                j++;
            }

            if (!ok || j == i || j - i > 3 || dashes > 1 || j >= s.Length || !TextFold.IsAsciiDigit(s[j]))
            {
                // A ")" right after the last group still closes it: "(415)" alone is not a phone anyway.
                if (ok && j > i && s[i] == ')' && openParen)
                    openParen = false;
                break;
            }

            i = j;
        }

        if (openParen)
            return default;

        var kind = PhoneKind.None;
        var glen = groupLen[..groups];
        if (plus)
        {
            if (glen[0] == 1 && key / Pow10(digits - 1) == 1)
            {
                // +1: the rest must be a NANP number.
                var rest = digits - 1;
                if (rest == 10 && IsNanpShape(glen[1..]) && AreaOk(s, groupEnd[0]))
                    kind = PhoneKind.NorthAmerican;
            }
            else if (digits is >= 11 and <= 15 && glen[0] is >= 1 and <= 3 && glen.Length >= 2)
            {
                kind = PhoneKind.International;
            }
            else if (digits is >= 8 and <= 15 && glen.Length >= 2)
            {
                kind = PhoneKind.International;
            }
            else if (digits is >= 10 and <= 15 && glen.Length == 1)
            {
                kind = PhoneKind.International;
            }
        }
        else
        {
            // The longest run of groups that is a phone: "(415) 666 7777. 34215 is my ZIP" and "415-666-7777 100$" are
            // a phone followed by another number, not one 15-digit number.
            for (var n = groups; n >= 1 && kind == PhoneKind.None; n--)
            {
                kind = Domestic(s, tokenStart, glen[..n], groupEnd, parenArea, hasLocalCue);
                if (kind != PhoneKind.None && n < groups)
                {
                    end = groupEnd[n - 1];
                    key = groupKey[n - 1];
                }
            }
        }

        if (kind == PhoneKind.None)
        {
            // Vanity: "1-800-FLOWERS", "800-GOT-JUNK", "(562) 555-FOOD".
            return TryVanity(s, start, tokenStart, groups, glen, groupEnd);
        }

        // Right context: "415-666-7777def", "415-666-7777%", "650-253-4561--455-234-3451".
        if (end < s.Length)
        {
            var c = s[end];
            if (TextFold.IsWordChar(c) && !(c is 'x' or 'X' && end + 1 < s.Length && TextFold.IsAsciiDigit(s[end + 1])))
                return default;
            if (c is '%' or '$' or '_')
                return default;
            if (c is '-' && end + 1 < s.Length && (TextFold.IsAsciiDigit(s[end + 1]) || s[end + 1] == '-'))
                return default;
        }

        end = Extension(s, end);
        if (kind == PhoneKind.NorthAmerican)
            key %= 10_000_000_000;
        return new PhoneMatch(start, end, key, kind);
    }

    /// <summary>A phone without a "+": 1 + NANP, a NANP number, or a 7-digit local number after a cue word.</summary>
    static PhoneKind Domestic(ReadOnlySpan<char> s, int tokenStart, ReadOnlySpan<int> glen, ReadOnlySpan<int> groupEnd,
        bool parenArea, bool hasLocalCue)
    {
        var digits = 0;
        foreach (var g in glen)
            digits += g;
        if (glen[0] == 1 && s[tokenStart] == '1' && glen.Length >= 2 && digits == 11 && IsNanpShape(glen[1..]))
            return PhoneKind.NorthAmerican;
        if (digits == 10 && IsNanpShape(glen) && s[tokenStart] is >= '2' and <= '9')
        {
            // A bare 10-digit run is an order number as often as a phone: require a real exchange.
            return glen.Length > 1 || s[tokenStart + 3] is >= '2' and <= '9' ? PhoneKind.NorthAmerican : PhoneKind.None;
        }

        return digits == 7 && glen.Length == 2 && glen[0] == 3 && glen[1] == 4 && !parenArea
            && s[tokenStart] is >= '2' and <= '9' && s[groupEnd[0]] is '-' or '.' && hasLocalCue
            ? PhoneKind.Local
            : PhoneKind.None;
    }

    static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n && i < 18; i++)
            p *= 10;
        return p;
    }

    static bool IsNanpShape(ReadOnlySpan<int> g) =>
        (g.Length == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4)
        || (g.Length == 2 && g[0] == 3 && g[1] == 7)
        || (g.Length == 1 && g[0] == 10);

    static bool AreaOk(ReadOnlySpan<char> s, int afterCountryCode)
    {
        for (var i = afterCountryCode; i < s.Length; i++)
        {
            if (TextFold.IsAsciiDigit(s[i]))
                return s[i] is >= '2' and <= '9';
        }

        return false;
    }

    /// <summary>" ext. 12", " x12", " extension 503", " #12" after a number belong to it.</summary>
    static int Extension(ReadOnlySpan<char> s, int end)
    {
        var i = end;
        while (i < s.Length && s[i] is ' ' or ',')
            i++;
        var rest = s[i..];
        int skip;
        if (rest.StartsWith("extension", StringComparison.OrdinalIgnoreCase))
            skip = 9;
        else if (rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase))
            skip = rest.Length > 3 && rest[3] == '.' ? 4 : 3;
        else if (rest.Length > 0 && rest[0] is 'x' or 'X' or '#')
            skip = 1;
        else
            return end;
        if (i > end && rest[0] is 'x' or 'X' && i - end > 1)
            return end;
        i += skip;
        while (i < s.Length && s[i] is ' ' or ':' or '.')
            i++;
        var d = i;
        while (i < s.Length && TextFold.IsAsciiDigit(s[i]) && i - d < 6)
            i++;
        if (i == d || (i < s.Length && TextFold.IsWordChar(s[i])))
            return end;
        return i;
    }

    static PhoneMatch TryVanity(ReadOnlySpan<char> s, int start, int tokenStart, int groups, ReadOnlySpan<int> glen,
        ReadOnlySpan<int> groupEnd)
    {
        // Digits so far must be "1-800" or "800" (or "(562) 555"), then letters.
        int digitGroups;
        if (groups >= 1 && glen[0] == 1 && s[tokenStart] == '1' && groups >= 2 && glen[1] == 3)
            digitGroups = 2;
        else if (groups >= 1 && glen[0] == 3)
            digitGroups = 1;
        else
            return default;
        if (groups > digitGroups + 1 || (groups == digitGroups + 1 && glen[digitGroups] != 3))
            return default;
        var i = groupEnd[groups - 1];
        if (i >= s.Length || s[i] is not ('-' or '.' or ' '))
            return default;
        i++;
        var alnum = groups == digitGroups + 1 ? 3 : 0;
        var letters = 0;
        var inner = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is >= 'A' and <= 'Z')
            {
                letters++;
                alnum++;
            }
            else if (TextFold.IsAsciiDigit(c))
            {
                alnum++;
            }
            else if (c == '-' && inner == 0 && alnum is 3 or 6 && i + 1 < s.Length && s[i + 1] is >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                inner++;
            }
            else
            {
                break;
            }

            i++;
            if (alnum > 7)
                return default;
        }

        // Seven characters, at least three capital letters, and then a word boundary: "1-800-FLOWERS".
        if (alnum != 7 || letters < 3 || (i < s.Length && TextFold.IsWordChar(s[i])))
            return default;
        var areaStart = digitGroups == 2 ? groupEnd[1] - 3 : groupEnd[0] - 3;
        if (s[areaStart] is < '2' or > '9')
            return default;
        return new PhoneMatch(start, i, KeyOf(s[start..i].ToString()), PhoneKind.Vanity);
    }
}
