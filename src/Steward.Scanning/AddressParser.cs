namespace Steward.Scanning;

internal readonly record struct AddressMatch(int Start, int End, string Key);

/// <summary>
/// US street addresses from a house number ("1234 E. Ocean Blvd., Apt 5, Long Beach, CA 90803") and PO boxes.
/// A street needs a number, one to four name words and a USPS suffix; name words are capitalized, or the suffix
/// is abbreviated ("123 main st") or is "street", "avenue" or "boulevard" after one lower-case word and a house number
/// of three to five digits ("2219 orchard avenue"), so "ran 2 miles down the road" is not an address.
/// </summary>
internal static class AddressParser
{
    static readonly HashSet<string> Directionals = new(StringComparer.OrdinalIgnoreCase)
        { "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west" };

    static readonly HashSet<string> Abbreviated = new(StringComparer.OrdinalIgnoreCase)
        { "st", "ave", "av", "blvd", "rd", "dr", "ln", "ct", "pl", "pkwy", "cir", "ter", "hwy", "trl", "sq", "plz", "aly", "cres", "expy", "fwy" };

    static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["street"] = "st", ["avenue"] = "ave", ["av"] = "ave", ["boulevard"] = "blvd", ["road"] = "rd", ["drive"] = "dr",
        ["lane"] = "ln", ["court"] = "ct", ["place"] = "pl", ["parkway"] = "pkwy", ["circle"] = "cir", ["terrace"] = "ter",
        ["highway"] = "hwy", ["trail"] = "trl", ["square"] = "sq", ["plaza"] = "plz", ["north"] = "n", ["south"] = "s",
        ["east"] = "e", ["west"] = "w", ["crescent"] = "cres", ["expressway"] = "expy", ["freeway"] = "fwy",
    };

    static readonly HashSet<string> LowerSpelledSuffixes = new(StringComparer.OrdinalIgnoreCase) { "street", "avenue", "boulevard" };

    static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
        { "apt", "apartment", "unit", "suite", "ste", "spc", "space", "bldg", "building", "fl", "floor" };

    /// <summary>Normalised "number street-words suffix" key, so "1234 East Ocean Boulevard" = "1234 E. Ocean Blvd.".</summary>
    public static string KeyOf(string address)
    {
        var tokens = TextFold.Tokens(address);
        var parts = new List<string>();
        foreach (var t in tokens)
        {
            if (UnitWords.Contains(t) || (parts.Count > 1 && t.Length == 5 && t.All(char.IsAsciiDigit)))
                break;
            parts.Add(Canonical.TryGetValue(t, out var c) ? c : t);
            if (parts.Count > 1 && Abbreviated.Contains(parts[^1]) && parts[^1] is not "n" and not "s" and not "e" and not "w")
                break;
        }

        return string.Join(' ', parts);
    }

    static int Word(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && TextFold.IsWordChar(s[i]))
            i++;
        return i;
    }

    static int Spaces(ReadOnlySpan<char> s, int i, int max)
    {
        var k = 0;
        while (i < s.Length && s[i] == ' ' && k < max)
        {
            i++;
            k++;
        }

        return k;
    }

    /// <summary>Words that come before a count, not before a house number: "our 3 Seniors Drive ...".</summary>
    static readonly HashSet<string> CountWords = new(StringComparer.OrdinalIgnoreCase)
        { "our", "the", "my", "your", "his", "her", "their", "these", "those", "all", "top", "only", "scored", "won",
          "lost", "had", "has", "have", "with", "of", "by", "over", "under", "about", "nearly", "almost", "grade",
          "room", "period", "week", "day", "year", "class", "team", "number", "no", "game", "round", "level", "chapter" };

    static bool Has(IReadOnlySet<string> set, ReadOnlySpan<char> word) => set is HashSet<string> hs
        ? hs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        : set.Contains(word.ToString());

    public static AddressMatch TryStreet(ReadOnlySpan<char> s, int numStart, int numEnd, IReadOnlySet<string> suffixes,
        IReadOnlySet<string> suffixless)
    {
        if (numEnd - numStart > 6 || s[numStart] == '0')
            return default;
        if (numStart > 0 && s[numStart - 1] is '$' or '#' or '.' or ',' or ':' or '/' or '-' or '+')
            return default;
        if (numStart > 1 && s[numStart - 1] == ' ')
        {
            var pe = numStart - 1;
            var pb = pe;
            while (pb > 0 && TextFold.IsWordChar(s[pb - 1]))
                pb--;
            if (pe > pb && pe - pb <= 8)
            {
                Span<char> w = stackalloc char[8];
                var k = 0;
                for (var x = pb; x < pe; x++)
                    w[k++] = TextFold.Fold(s[x]);
                if (CountWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w[..k]))
                    return default;
            }
        }
        var i = numEnd;
        var nameWords = 0;
        var lowerWords = false;
        var ordinalName = false; // "1940 e. 4th street"
        Span<char> buf = stackalloc char[24];
        for (var w = 0; w < 6; w++)
        {
            var sp = Spaces(s, i, 2);
            if (sp == 0)
                return default;
            i += sp;
            var b = i;
            var e = Word(s, i);
            if (e == b || e - b > 20)
                return default;
            var word = s[b..e];
            var len = 0;
            foreach (var c in word)
                buf[len++] = TextFold.Fold(c);
            var folded = buf[..len];
            var afterDot = e < s.Length && s[e] == '.' ? e + 1 : e;
            var cap = TextFold.IsUpper(s[b]) || TextFold.IsAsciiDigit(s[b]);

            if (nameWords == 0 && cap && Has(suffixless, folded))
            {
                var end = Trailer(s, afterDot);
                return new AddressMatch(numStart, end, KeyOf(s[numStart..afterDot].ToString()));
            }

            var abbreviated = Has(Abbreviated, folded);
            // "2219 orchard avenue": all lower case with the suffix spelled out, only for one name word, a house
            // number of three to five digits and the suffixes no school event is named with ("the 2026 toy drive",
            // "the 200 free lane", "the 1600 meter road race" are not addresses).
            var lowerSpelled = !cap && (lowerWords || ordinalName) && nameWords == 1 && numEnd - numStart is >= 3 and <= 5
                && Has(LowerSpelledSuffixes, folded);
            if (nameWords >= 1 && Has(suffixes, folded) && (((cap || abbreviated) && !(lowerWords && !abbreviated)) || lowerSpelled))
            {
                var end = afterDot;
                end = Trailer(s, end);
                return new AddressMatch(numStart, end, KeyOf(s[numStart..afterDot].ToString()));
            }

            // "10 am at 4th St.": a time, not a house number.
            if (w == 0 && (folded is "am" or "pm" || (folded is "a" or "p" && afterDot > e)))
                return default;

            // "E. Ocean Blvd", and written quickly "5521 e. anaheim st.": a one-letter directional with its period.
            if (nameWords == 0 && Has(Directionals, folded) && (cap || (len == 1 && afterDot > e)))
            {
                i = afterDot;
                continue;
            }

            var ordinal = TextFold.IsAsciiDigit(s[b]) && (folded.EndsWith("st") || folded.EndsWith("nd")
                || folded.EndsWith("rd") || folded.EndsWith("th"));
            if (TextFold.IsAsciiDigit(s[b]) && !ordinal)
                return default;
            ordinalName |= ordinal;
            if (!cap)
            {
                if (w > 1)
                    return default;
                lowerWords = true;
            }

            // Only a space may join street words; a period ends them unless it closes an abbreviation like "E.".
            if (e < s.Length && s[e] is not ' ')
                return default;
            nameWords++;
            if (nameWords > 4)
                return default;
            i = e;
        }

        return default;
    }

    /// <summary>Extends past ", Apt 5", " #12", " Suite 200", ", Long Beach, CA 90803".</summary>
    static int Trailer(ReadOnlySpan<char> s, int end)
    {
        var i = end;
        var j = i;
        if (j < s.Length && s[j] == ',')
            j++;
        j += Spaces(s, j, 2);
        if (j < s.Length && s[j] == '#')
        {
            var d = Word(s, j + 1);
            if (d > j + 1)
                return Trailer(s, d);
        }

        var e = Word(s, j);
        if (e > j && UnitWords.Contains(s[j..e].ToString()))
        {
            var k = e < s.Length && s[e] == '.' ? e + 1 : e;
            k += Spaces(s, k, 2);
            if (k < s.Length && s[k] == '#')
                k++;
            var u = Word(s, k);
            if (u > k && u - k <= 6)
                i = u;
        }

        // ", City, ST 90803" or " City ST 90803": up to three capitalized words, a state code, a ZIP.
        j = i;
        if (j < s.Length && s[j] == ',')
            j++;
        j += Spaces(s, j, 2);
        var words = 0;
        while (words < 3 && j < s.Length && TextFold.IsUpper(s[j]))
        {
            var w = Word(s, j);
            if (w - j == 2 && char.IsAsciiLetterUpper(s[j + 1]))
            {
                var z = w + Spaces(s, w, 2);
                var ze = Word(s, z);
                if (ze - z == 5 && s[z..ze].ContainsAnyExceptInRange('0', '9') == false)
                    return ze;
                return i;
            }

            words++;
            j = w;
            if (j < s.Length && s[j] == ',')
                j++;
            j += Spaces(s, j, 2);
        }

        return i;
    }

    static readonly HashSet<string> MilitaryUnitWords = new(StringComparer.OrdinalIgnoreCase) { "psc", "unit", "cmr" };
    static readonly HashSet<string> ShipPrefixes = new(StringComparer.OrdinalIgnoreCase) { "uss", "usns", "uscgc", "usnv" };

    /// <summary>
    /// A US military mailing address (USPS): "PSC 1234, Box 5678, APO AE 09001", "Unit 4719 Box 7394 DPO AP 96520",
    /// "CMR 402 Box 17 APO AE 09180", "USS Hopper FPO AP 96661". <paramref name="postStart"/> is the word APO, FPO or DPO,
    /// which must be followed by AA, AE or AP and a ZIP code, and preceded by a box or a ship: the ZIP code alone names
    /// a region, not a family.
    /// </summary>
    public static AddressMatch TryMilitary(ReadOnlySpan<char> s, int postStart, int postEnd)
    {
        // After: " AE 09001" (also "ae").
        var j = Gap(s, postEnd);
        var e = Word(s, j);
        if (e - j != 2 || !(s[j] is 'A' or 'a') || !(s[j + 1] is 'A' or 'a' or 'E' or 'e' or 'P' or 'p'))
            return default;
        var z = Gap(s, e);
        var ze = Word(s, z);
        if (ze - z != 5 || s[z..ze].ContainsAnyExceptInRange('0', '9'))
            return default;
        if (ze + 5 <= s.Length && s[ze] == '-' && !s.Slice(ze + 1, 4).ContainsAnyExceptInRange('0', '9')
            && (ze + 5 == s.Length || !TextFold.IsWordChar(s[ze + 5])))
            ze += 5; // ZIP+4: "96672-1631"

        // Before: "Box 5678" (with "PSC 1234," or "Unit 4719" before it), or a ship "USS Name".
        var numEnd = SkipBack(s, postStart);
        var i = numEnd;
        while (i > 0 && TextFold.IsAsciiDigit(s[i - 1]))
            i--;
        var (boxStart, boxEnd) = WordBefore(s, i);
        if (i < numEnd && s[boxStart..boxEnd].Equals("box", StringComparison.OrdinalIgnoreCase))
        {
            var start = boxStart;
            var unitEnd = SkipBack(s, boxStart);
            var k = unitEnd;
            while (k > 0 && TextFold.IsAsciiDigit(s[k - 1]))
                k--;
            var (unitStart, unitWordEnd) = WordBefore(s, k);
            if (k < unitEnd && MilitaryUnitWords.Contains(s[unitStart..unitWordEnd].ToString()))
                start = unitStart;
            return new AddressMatch(start, ze, "military box " + s[i..numEnd].ToString() + " " + s[z..ze].ToString());
        }

        // A ship: up to three words after USS/USNS/USCGC/USNV, perhaps with its hull number: "USS Makin Island (LHD 8),".
        var end = GapBack(s, postStart);
        if (end > 0 && s[end - 1] == ',')
            end = GapBack(s, end - 1);
        if (end > 0 && s[end - 1] == ')')
        {
            var open = s[..end].LastIndexOf('(');
            if (open < 0 || end - open > 12)
                return default;
            end = GapBack(s, open);
        }

        var p = end;
        for (var words = 0; words < 4 && p > 0; words++)
        {
            var we = p;
            var wb = we;
            while (wb > 0 && TextFold.IsWordChar(s[wb - 1]))
                wb--;
            if (wb == we)
                return default;
            if (ShipPrefixes.Contains(s[wb..we].ToString()))
                return words == 0 || (wb > 0 && TextFold.IsWordChar(s[wb - 1])) ? default : new AddressMatch(wb, ze, "military ship " + TextFold.Key(s[wb..end].ToString()) + " " + s[z..ze].ToString());
            p = GapBack(s, wb);
        }

        return default;
    }

    /// <summary>The word that ends in the gap just before <paramref name="i"/> (empty when there is none).</summary>
    static (int Start, int End) WordBefore(ReadOnlySpan<char> s, int i)
    {
        var end = GapBack(s, i);
        if (end == i)
            return (i, i);
        var start = end;
        while (start > 0 && TextFold.IsWordChar(s[start - 1]))
            start--;
        return (start, end);
    }

    /// <summary>Back over a gap and at most one comma before <paramref name="i"/>.</summary>
    static int SkipBack(ReadOnlySpan<char> s, int i)
    {
        i = GapBack(s, i);
        if (i > 0 && s[i - 1] == ',')
            i--;
        return GapBack(s, i);
    }

    /// <summary>
    /// A military address is often written as a block, a line for the box and a line for the post office: up to three
    /// spaces and at most one line break between its words.
    /// </summary>
    static int Gap(ReadOnlySpan<char> s, int i)
    {
        var lines = 0;
        for (var k = 0; k < 4 && i < s.Length && (s[i] is ' ' or '\t' or '\u00A0' || (s[i] is '\n' or '\r' && lines++ < 2)); k++)
            i++;
        return i;
    }

    static int GapBack(ReadOnlySpan<char> s, int i)
    {
        var lines = 0;
        for (var k = 0; k < 4 && i > 0 && (s[i - 1] is ' ' or '\t' or '\u00A0' || (s[i - 1] is '\n' or '\r' && lines++ < 2)); k++)
            i--;
        return i;
    }

    /// <summary>"PO Box 123", "P.O. Box 45", "Post Office Box 9"; <paramref name="boxStart"/> is the word "box".</summary>
    public static AddressMatch TryPoBox(ReadOnlySpan<char> s, int boxStart, int boxEnd)
    {
        var i = boxStart;
        while (i > 0 && s[i - 1] == ' ')
            i--;
        var before = s[Math.Max(0, i - 12)..i];
        int start;
        if (before.EndsWith("P.O.", StringComparison.OrdinalIgnoreCase) || before.EndsWith("P. O.", StringComparison.OrdinalIgnoreCase))
            start = i - (before.EndsWith("P.O.", StringComparison.OrdinalIgnoreCase) ? 4 : 5);
        else if (before.EndsWith("PO", StringComparison.OrdinalIgnoreCase))
            start = i - 2;
        else if (before.EndsWith("post office", StringComparison.OrdinalIgnoreCase))
            start = i - 11;
        else
            return default;
        if (start > 0 && TextFold.IsWordChar(s[start - 1]))
            return default;
        var j = boxEnd + Spaces(s, boxEnd, 2);
        if (j < s.Length && s[j] == '#')
            j++;
        var e = j;
        while (e < s.Length && TextFold.IsAsciiDigit(s[e]))
            e++;
        if (e == j || (e < s.Length && TextFold.IsWordChar(s[e])))
            return default;
        return new AddressMatch(start, Trailer(s, e), "po box " + s[j..e].ToString());
    }
}
