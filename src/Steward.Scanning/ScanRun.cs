using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;

namespace Steward.Scanning;

/// <summary>
/// The work of one scan: a single pass over the text that hashes each word once, steps the token automaton and
/// records candidates, then small resolution steps that turn candidates into findings. One instance per thread is
/// reused, so a scan allocates little beyond its findings.
/// </summary>
internal sealed class ScanRun
{
    [ThreadStatic]
    static ScanRun? t_cached;

    const int Ring = 64;

    ContextData _ctx = null!;
    readonly List<Finding> _findings = [];
    readonly List<(int Start, int End, int Name)> _names = [];
    readonly List<(int Start, int End)> _acceptedNames = [];
    readonly List<(int Start, int End, LexiconEntry Entry)> _lexHits = [];
    readonly List<(int Start, int End)> _allow = [];
    readonly List<(int Start, int End)> _confidential = [];
    readonly List<(int Start, int End)> _studentIds = [];
    readonly List<(int Pos, int Rule)> _triggers = [];
    readonly List<int> _breaks = [];
    readonly HashSet<int> _subjects = [];
    int _consumedUntil;
    int _lastPhoneCue;
    int _lastEmailCue;
    int _lastLeetChunk;
    int _houseStart = -1;

    // A phone number spelled in words ("five six two, five five five, zero one nine one"): the run of digit words so far.
    int _digitWordsStart, _digitWordsEnd, _digitWords;
    long _digitWordsKey;
    int _houseEnd;

    public static ScanRun Rent(ContextData ctx)
    {
        var run = t_cached ??= new ScanRun();
        run._ctx = ctx;
        return run;
    }

    void Reset()
    {
        _findings.Clear();
        _names.Clear();
        _acceptedNames.Clear();
        _lexHits.Clear();
        _allow.Clear();
        _confidential.Clear();
        _studentIds.Clear();
        _triggers.Clear();
        _breaks.Clear();
        _subjects.Clear();
        _consumedUntil = 0;
        _lastPhoneCue = int.MinValue / 2;
        _lastEmailCue = int.MinValue / 2;
        _lastLeetChunk = -1;
        _houseStart = -1;
        _digitWords = 0;
    }

    string _text = string.Empty;

    public ScanResult Run(Post post)
    {
        Reset();
        try
        {
            var text = post.Text ?? string.Empty;
            _text = text;
            var s = text.AsSpan();
            Pass(s);
            ResolveSubjects(post);
            ResolveNames(s, post);
            ResolveLexicon(s);
            ResolveConfidential(s);
            ResolveSentenceRules(s);
            CheckLinks(text, post);
            CheckUnresolvedSubjects(text, post);
            CheckCopyright(text, post);
            CheckOutsideContent(post);
            return ScanResult.From([.. _findings]);
        }
        finally
        {
            // Do not keep an old context (and its roster) or the post alive from a thread-static.
            _ctx = null!;
            _text = string.Empty;
        }
    }

    // ---------------------------------------------------------------- the pass

    void Pass(ReadOnlySpan<char> s)
    {
        // Single letters in a row ("f u c k"): kept in locals, as the loop's other state, so the JIT keeps them in
        // registers across the calls the loop makes.
        int spacedStart = 0, spacedEnd = 0, spacedCount = 0;
        var classes = TextFold.Classes;
        var separatorActions = _ctx.SeparatorActions;
        var vocab = _ctx.Vocabulary;
        var ac = _ctx.Automaton;
        Span<int> ring = stackalloc int[Ring];
        ref var text = ref MemoryMarshal.GetReference(s);
        var tokens = 0;
        var state = TokenAutomaton.Root;
        var reset = false;
        var n = s.Length;
        var i = 0;
        while (i < n)
        {
            var c = s[i];
            int cls = classes[c];
            if (cls == TextFold.Separator)
            {
                // Spaces and commas need nothing but (for commas) a phrase break: a table says which characters
                // need the full Separator handling, so the common ones cost no call.
                var action = c < 128 ? separatorActions[c] : SeparatorAction.Handle;
                if (action == SeparatorAction.Break || (action == SeparatorAction.Handle && Separator(s, i)))
                    reset = true;
                i++;
                continue;
            }

            // The word: find its end first (a table lookup per character, nothing carried between them), then
            // hash it four characters per multiply. (An 8-unit vector compare to find the end measured slower: most
            // words are short, and the loop's branch predicts well enough.)
            var start = i;
            var kinds = cls;
            int units = c;
            while (++i < n)
            {
                c = s[i];
                cls = classes[c];
                if (cls == TextFold.Separator)
                    break;
                kinds |= cls;
                units |= c;
            }

            var len = i - start;
            var h = units < 0x80 && start + ((len + 3) & ~3) <= n
                ? TextFold.HashAsciiWord(ref Unsafe.Add(ref text, start), len)
                : HashFolded(s.Slice(start, len));

            if (reset)
            {
                state = TokenAutomaton.Root;
                reset = false;
            }

            ring[tokens & (Ring - 1)] = start;
            tokens++;
            if (len == 1 && kinds == TextFold.Letter)
            {
                if (spacedCount > 0 && start == spacedEnd + 1 && s[spacedEnd] == ' ')
                {
                    spacedCount++;
                }
                else
                {
                    if (spacedCount >= 3)
                        Spaced(s, spacedStart, spacedEnd);
                    spacedStart = start;
                    spacedCount = 1;
                }

                spacedEnd = i;
            }
            else if (spacedCount > 0)
            {
                if (spacedCount >= 3)
                    Spaced(s, spacedStart, spacedEnd);
                spacedCount = 0;
            }

            if (kinds != TextFold.Letter && start >= _consumedUntil)
                Digits(s, start, i, kinds);

            if (!vocab.TryFind(h, out var id, out var flags))
            {
                state = TokenAutomaton.Root;
                if (len >= 5 && kinds == TextFold.Letter && HasTripleLetter(s, start, len))
                    Leet(s, start); // "shiiiit", "fuuuuck"
                continue;
            }

            if (flags != 0)
                Flags(s, flags, start, i);
            state = ac.Step(state, id);
            if (ac.Reports(state))
                Report(state, i, ring, tokens);
        }

        if (spacedCount >= 3)
            Spaced(s, spacedStart, spacedEnd);
    }

    /// <summary>The hash of a word with non-ASCII letters (or at the very end of the text): folded first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static ulong HashFolded(ReadOnlySpan<char> word)
    {
        var folds = TextFold.Folds;
        Span<char> buf = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var k = 0; k < word.Length; k++)
            buf[k] = folds[word[k]];
        return TextFold.Hash(buf);
    }

    /// <summary>Handles a non-space separator; returns true when it breaks phrases (punctuation other than ' and -).</summary>
    bool Separator(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c < 128 && _ctx.CharTriggers[c] is var mask and not 0)
        {
            for (var r = 0; mask != 0; r++, mask >>= 1)
            {
                if ((mask & 1) != 0)
                    _triggers.Add((i, r));
            }
        }

        switch (c)
        {
            case '-':
                // "a-hole": a single letter hyphenated to a word is read as one word.
                if (i == 1 || (i > 1 && !TextFold.IsWordChar(s[i - 2])))
                {
                    if (TextFold.Classes[s[i - 1]] == TextFold.Letter && i + 1 < s.Length && TextFold.Classes[s[i + 1]] == TextFold.Letter)
                        Leet(s, i);
                }

                return false;
            case '\'' or '\u2019' or '\u2010' or '\u2011' or '\t' or '\u00A0':
                return false;
            case '\n' or '\r':
                _breaks.Add(i);
                return true;
            case '.':
                if (i + 1 >= s.Length || s[i + 1] is ' ' or '\n' or '\r' or '"' or ')')
                {
                    // "J. Smith", "Mr. Lee": an initial or a short title is not a sentence end.
                    var shortWord = i >= 2 && TextFold.IsUpper(s[i - 1]) && !TextFold.IsWordChar(s[i - 2]);
                    var title = IsTitle(s, i);
                    if (!shortWord && !title)
                    {
                        _breaks.Add(i);
                        return true;
                    }

                    // "Elijah St. James", "J. Smith": the name goes on across the abbreviation.
                    return false;
                }
                else if (i > 0 && i + 1 < s.Length && TextFold.IsWordChar(s[i - 1]) && TextFold.IsWordChar(s[i + 1])
                    && i > _lastLeetChunk)
                {
                    // "f.u.c.k" spelled with dots between single letters.
                    if (i >= 2 && !TextFold.IsWordChar(s[i - 2]) && i + 2 < s.Length && s[i + 2] == '.')
                        Leet(s, i);
                }

                return true;
            case '!' or '|':
                if (i > 0 && i + 1 < s.Length && TextFold.IsWordChar(s[i - 1]) && TextFold.IsWordChar(s[i + 1]))
                {
                    Leet(s, i);
                    return true;
                }

                if (c == '!')
                    _breaks.Add(i);
                return true;
            case '?':
                // "…example.com/?promo=SAVE10": a question mark inside a link starts its query, not a new sentence.
                if (i == 0 || i + 1 >= s.Length || !(TextFold.IsWordChar(s[i - 1]) || s[i - 1] == '/') || !TextFold.IsWordChar(s[i + 1]))
                    _breaks.Add(i);
                return true;
            case '@':
                if (i >= _consumedUntil)
                {
                    var em = EmailParser.TryAt(s, i);
                    if (em.End > 0)
                    {
                        Email(em);
                        _consumedUntil = em.End;
                        return true;
                    }
                }

                if (i + 1 < s.Length && TextFold.IsWordChar(s[i + 1]) && i > 0 && TextFold.IsWordChar(s[i - 1]))
                    Leet(s, i);
                else if (i + 2 < s.Length && TextFold.IsWordChar(s[i + 1]) && (i == 0 || s[i - 1] == ' '))
                    Leet(s, i); // "@55", "@ss" (a handle reads as a word that is not in the lexicon)
                return true;
            case '$' or '*':
                if ((i > 0 && TextFold.Classes[s[i - 1]] == TextFold.Letter)
                    || (i + 1 < s.Length && TextFold.Classes[s[i + 1]] == TextFold.Letter))
                    Leet(s, i);
                return true;
            case '#':
                // "f#ck", "f@#k": a mask inside a word, not a hashtag (a hashtag starts a word).
                if (i > 0 && i + 1 < s.Length && (TextFold.Classes[s[i - 1]] == TextFold.Letter || s[i - 1] is '@' or '$' or '*' or '!')
                    && (TextFold.IsWordChar(s[i + 1]) || s[i + 1] is '*' or '#' or '@'))
                    Leet(s, i);
                else
                    Hashtag(s, i);
                return true;
            default:
                return true;
        }
    }

    static readonly string[] Titles = ["Mr", "Ms", "Mrs", "Dr", "St"];

    /// <summary>"Mr." to "St." as a word of its own before the period, also at the very start of the text.</summary>
    static bool IsTitle(ReadOnlySpan<char> s, int dot)
    {
        foreach (var t in Titles)
        {
            if (dot >= t.Length && s.Slice(dot - t.Length, t.Length).Equals(t, StringComparison.Ordinal)
                && (dot == t.Length || !TextFold.IsWordChar(s[dot - t.Length - 1])))
                return true;
        }

        return false;
    }

    void Digits(ReadOnlySpan<char> s, int start, int end, int kinds)
    {
        var len = end - start;
        if (kinds == TextFold.Digit)
        {
            if (len >= _ctx.MinStudentIdLength && len <= _ctx.MaxStudentIdLength
                && _ctx.StudentIdLookup.Contains(s[start..end]))
            {
                _studentIds.Add((start, end));
                Add(PolicyRules.StudentId, FindingCategory.Confidential, "Privacy §1", Severity.Block, start, len,
                    "Remove the student ID number: student records are confidential (Privacy §1).");
                _consumedUntil = end;
                return;
            }

            if (PhoneParser.CanStart(s, start, len))
            {
                var pm = PhoneParser.TryParse(s, start, _lastPhoneCue >= start - 40);
                if (pm.Kind != PhoneKind.None)
                {
                    Phone(pm);
                    _consumedUntil = pm.End;
                    return;
                }
            }

            // A house number: parsed as a street address only once a street word ("Blvd", "Broadway") follows,
            // see Flags. Most numbers in posts (scores, times, counts) are never followed by one.
            if (len <= 6 && end + 1 < s.Length && s[end] == ' ')
            {
                _houseStart = start;
                _houseEnd = end;
            }

            return;
        }

        // Letters and digits together: "sh1t", "b1tch" (but not "4th", "10am", "K12").
        if (len >= 3 && IsLeetCandidate(s[start..end]))
            Leet(s, start);
        if (len >= _ctx.MinStudentIdLength && len <= _ctx.MaxStudentIdLength && _ctx.StudentIdLookup.Contains(s[start..end]))
        {
            _studentIds.Add((start, end));
            Add(PolicyRules.StudentId, FindingCategory.Confidential, "Privacy §1", Severity.Block, start, len,
                "Remove the student ID number: student records are confidential (Privacy §1).");
        }
    }

    /// <summary>
    /// Whether the word at <paramref name="start"/> has three equal letters in a row ("shiiit"). Eight positions
    /// per vector compare: called for every long word outside the vocabulary, where a character loop's unpredictable
    /// exits cost more than the compare.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool HasTripleLetter(ReadOnlySpan<char> s, int start, int len)
    {
        // Positions k = 0 .. len-3 start a candidate triple; each vector tests eight of them and reads ten units.
        var positions = len - 2;
        if (!Vector128.IsHardwareAccelerated || start + ((positions + 7) & ~7) + 2 > s.Length)
            return HasTripleLetter(s.Slice(start, len));
        ref var p = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), start));
        for (var k = 0; k < positions; k += 8)
        {
            var a = Vector128.LoadUnsafe(ref p, (nuint)k);
            var b = Vector128.LoadUnsafe(ref p, (nuint)(k + 1));
            var c = Vector128.LoadUnsafe(ref p, (nuint)(k + 2));
            var equal = Vector128.Equals(a, b) & Vector128.Equals(a, c);
            var bits = equal.ExtractMostSignificantBits();
            var valid = positions - k >= 8 ? 0xFFu : (1u << (positions - k)) - 1;
            if ((bits & valid) != 0)
                return true;
        }

        return false;
    }

    static bool HasTripleLetter(ReadOnlySpan<char> token)
    {
        for (var k = 2; k < token.Length; k++)
        {
            if (token[k] == token[k - 1] && token[k] == token[k - 2])
                return true;
        }

        return false;
    }

    static bool IsLeetCandidate(ReadOnlySpan<char> token)
    {
        // A digit between letters, or a leading/trailing digit run glued to 2+ letters that is not an ordinal/time.
        var letters = 0;
        foreach (var c in token)
        {
            if (TextFold.Classes[c] == TextFold.Letter)
                letters++;
        }

        if (letters < 2)
            return false;
        for (var k = 1; k < token.Length - 1; k++)
        {
            if (TextFold.IsAsciiDigit(token[k]) && !TextFold.IsAsciiDigit(token[k - 1]) && !TextFold.IsAsciiDigit(token[k + 1]))
                return true;
        }

        // "5hit": one leading digit and three or more letters ("5th", "3pm", "10am" have fewer letters or more digits).
        if (TextFold.IsAsciiDigit(token[0]) && letters >= 3 && letters == token.Length - 1)
            return true;
        return TextFold.IsAsciiDigit(token[^1]) && !TextFold.IsAsciiDigit(token[0]) && token.Length <= 8
            && TextFold.Classes[token[^2]] == TextFold.Letter;
    }

    void Flags(ReadOnlySpan<char> s, int f, int start, int end)
    {
        if ((f & (int)TokenFlags.PhoneCue) != 0)
            _lastPhoneCue = end;
        if ((f & (int)TokenFlags.EmailCue) != 0)
            _lastEmailCue = end;
        if ((f & (int)TokenFlags.At) != 0 && start >= _consumedUntil)
        {
            var em = EmailParser.TryObfuscated(s, start, end, _lastEmailCue >= start - 80, _ctx.Rules.EmailTlds);
            if (em.End > 0)
            {
                Email(em);
                _consumedUntil = em.End;
            }
        }

        if ((f & (int)TokenFlags.StreetSuffix) != 0 && _houseStart >= 0)
        {
            // The parser reads at most six words of up to 20 letters after the number.
            if (_houseStart >= _consumedUntil && start - _houseEnd <= 150)
            {
                var am = AddressParser.TryStreet(s, _houseStart, _houseEnd, _ctx.Rules.StreetSuffixes, _ctx.Rules.SuffixlessStreets);
                if (am.End > 0)
                {
                    Address(am);
                    _consumedUntil = Math.Max(_consumedUntil, am.End);
                }
            }

            _houseStart = -1;
        }

        if ((f & (int)TokenFlags.Box) != 0 && start >= _consumedUntil)
        {
            var am = AddressParser.TryPoBox(s, start, end);
            if (am.End > 0)
            {
                Address(am);
                _consumedUntil = am.End;
            }
        }

        if ((f & (int)TokenFlags.DigitWord) != 0)
            DigitWord(s, start, end);

        if ((f & (int)TokenFlags.MilitaryPost) != 0 && start >= _consumedUntil)
        {
            var am = AddressParser.TryMilitary(s, start, end);
            if (am.End > 0)
            {
                Address(am);
                _consumedUntil = am.End;
            }
        }

        var rules = f >> 8;
        for (var r = 0; rules != 0; r++, rules >>= 1)
        {
            if ((rules & 1) != 0)
                _triggers.Add((start, r));
        }
    }

    void Hashtag(ReadOnlySpan<char> s, int i)
    {
        var prefixes = _ctx.HashtagPrefixes;
        if (prefixes.Length == 0)
            return;
        Span<char> buf = stackalloc char[32];
        var len = 0;
        for (var k = i + 1; k < s.Length && len < buf.Length && TextFold.IsWordChar(s[k]); k++)
            buf[len++] = TextFold.Fold(s[k]);
        var tag = buf[..len];
        for (var p = 0; p < prefixes.Length; p++)
        {
            if (tag.Length > prefixes[p].Length
                && (_ctx.HashtagPrefixAnywhere[p]
                    ? tag[1..].Contains(prefixes[p], StringComparison.Ordinal)
                    : tag.StartsWith(prefixes[p], StringComparison.Ordinal)))
                _triggers.Add((i, _ctx.HashtagPrefixRule[p]));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void Report(int state, int end, ReadOnlySpan<int> ring, int tokens)
    {
        var ac = _ctx.Automaton;
        for (var st = state; st >= 0;)
        {
            ref readonly var entry = ref ac.ReportsOf(st);
            Reported(in entry.First, end, ring, tokens);
            for (var p = entry.First.Next; p >= 0;)
            {
                ref readonly var pattern = ref ac.Pattern(p);
                Reported(in pattern, end, ring, tokens);
                p = pattern.Next;
            }

            st = entry.NextState;
        }
    }

    void Reported(in TokenAutomaton.PatternInfo pattern, int end, ReadOnlySpan<int> ring, int tokens)
    {
        var len = pattern.Length;
        if (len > Ring || len > tokens)
            return;
        var start = ring[(tokens - len) & (Ring - 1)];
        switch (pattern.Kind)
        {
            case PatternKind.StudentName:
                _names.Add((start, end, pattern.Payload));
                break;
            case PatternKind.Lexicon:
                _lexHits.Add((start, end, _ctx.LexiconEntries[pattern.Payload]));
                break;
            case PatternKind.LexiconAllow:
                _allow.Add((start, end));
                break;
            case PatternKind.Confidential:
                _confidential.Add((start, end));
                break;
            case PatternKind.SentenceTrigger:
                _triggers.Add((start, pattern.Payload));
                break;
        }
    }

    // ---------------------------------------------------------------- contacts

    void Phone(PhoneMatch pm)
    {
        var len = pm.End - pm.Start;
        if (_ctx.KnownPhones.TryGetValue(pm.Key, out var known))
        {
            KnownContactFinding(known, PolicyRules.Phone, "phone number", pm.Start, len);
            return;
        }

        if (AfterVenueName(pm.Start))
        {
            Add(PolicyRules.Phone, FindingCategory.ContactInfo, "Privacy §2", Severity.Info, pm.Start, len,
                "The number of a public venue named just before it: fine to publish. If it is a family's or a staff member's number, remove it (Privacy §2).");
            return;
        }

        if (pm.Kind is PhoneKind.NorthAmerican or PhoneKind.Vanity && IsTollFree(pm.Key))
        {
            Add(PolicyRules.Phone, FindingCategory.ContactInfo, "Privacy §2", _ctx.Rules.TollFreeSeverity, pm.Start, len,
                "A toll-free business or hotline number: not a family's contact, fine to publish if the organization is one the District works with.");
            return;
        }

        Add(PolicyRules.Phone, FindingCategory.ContactInfo, "Privacy §2", _ctx.Rules.UnknownPhoneSeverity, pm.Start, len,
            "Remove the phone number or replace it with the school office's public number (Privacy §2).");
    }

    /// <summary>
    /// Ten digit words in a row, joined by spaces, commas, hyphens or periods, the first not "zero" or "one": a phone
    /// number spelled out to get past a filter. Counting ("one, two, three…") never makes ten.
    /// </summary>
    void DigitWord(ReadOnlySpan<char> s, int start, int end)
    {
        var digit = DigitOf(s[start..end]);
        if (digit < 0)
            return;
        if (_digitWords > 0 && start - _digitWordsEnd <= 3 && !s[_digitWordsEnd..start].ContainsAnyExcept(" ,-."))
        {
            _digitWords++;
            _digitWordsKey = _digitWordsKey * 10 + digit;
        }
        else
        {
            _digitWords = 1;
            _digitWordsStart = start;
            _digitWordsKey = digit;
        }

        _digitWordsEnd = end;
        if (_digitWords < 10)
            return;
        _digitWords = 0;
        if (_digitWordsKey >= 2_000_000_000 && !IsCountdown(_digitWordsKey) && _digitWordsStart >= _consumedUntil)
        {
            Phone(new PhoneMatch(_digitWordsStart, end, _digitWordsKey, PhoneKind.NorthAmerican));
            _consumedUntil = end;
        }
    }

    internal static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>The digit a word spells ("oh" is zero), or -1.</summary>
    static int DigitOf(ReadOnlySpan<char> word)
    {
        if (word.Equals("oh", StringComparison.OrdinalIgnoreCase))
            return 0;
        for (var d = 0; d < DigitWords.Length; d++)
        {
            if (word.Equals(DigitWords[d], StringComparison.OrdinalIgnoreCase))
                return d;
        }

        return -1;
    }

    /// <summary>"nine eight seven … zero": every digit one less than the one before.</summary>
    static bool IsCountdown(long key)
    {
        for (var k = key; k >= 10; k /= 10)
        {
            if (k / 10 % 10 != k % 10 + 1)
                return false;
        }

        return true;
    }

    static bool IsTollFree(long key) => (key / 10_000_000) is 800 or 833 or 844 or 855 or 866 or 877 or 888;

    void Email(EmailMatch em)
    {
        var len = em.End - em.Start;
        if (!em.Obfuscated)
        {
            if (_ctx.SiteEmails.TryGetValue(em.Address, out var site))
            {
                Add(PolicyRules.Email, FindingCategory.ContactInfo, "Privacy §2", Severity.Info, em.Start, len,
                    $"Public address of site {site}: fine to publish.");
                return;
            }

            var domain = em.Address[(em.Address.IndexOf('@', StringComparison.Ordinal) + 1)..];
            if (_ctx.AllowedEmailDomains.Contains(domain))
            {
                Add(PolicyRules.Email, FindingCategory.ContactInfo, "Privacy §2", Severity.Info, em.Start, len,
                    "District work address: fine to publish.");
                return;
            }
        }

        Add(PolicyRules.Email, FindingCategory.ContactInfo, "Privacy §2", _ctx.Rules.UnknownEmailSeverity, em.Start, len,
            "Remove the email address or replace it with the school's public address or a staff work address (Privacy §2).");
    }

    void Address(AddressMatch am)
    {
        var len = am.End - am.Start;
        if (_ctx.KnownAddresses.TryGetValue(am.Key, out var known))
        {
            KnownContactFinding(known, PolicyRules.Address, "address", am.Start, len);
            return;
        }

        if (AfterVenueName(am.Start))
        {
            Add(PolicyRules.Address, FindingCategory.ContactInfo, "Privacy §2", Severity.Info, am.Start, len,
                "The address of a public venue named just before it: fine to publish. If it is a home, remove it (Privacy §2).");
            return;
        }

        Add(PolicyRules.Address, FindingCategory.ContactInfo, "Privacy §2", _ctx.Rules.UnknownAddressSeverity, am.Start, len,
            "Remove the street address: home addresses of students and families may not be published (Privacy §2). "
            + "For a public venue, use its name, or have the district add the address to the site's public contacts.");
    }

    /// <summary>
    /// "Veterans Memorial Stadium, 5000 E. Lew Davis St." or "at Houghton Park Community Center, 6301 Myrtle Ave.":
    /// a capitalized place name ending in a venue word, then a comma or "at", right before the number.
    /// </summary>
    bool AfterVenueName(int addressStart)
    {
        var s = _text.AsSpan();
        var i = addressStart;
        while (i > 0 && s[i - 1] is ' ' or ',' or '(' or ':' or '-' or '\u2013')
            i--;
        if (i == addressStart || i - addressStart < -4)
            return false;
        var lowerAllowed = false;
        if (i >= 4 && s[i - 1] == 't' && s[i - 2] == 'a' && s[i - 3] == ' ')
        {
            // "Long Beach Transit at 562.591.2301", "Houghton Park Community Center at 6301 Myrtle Ave."
            i -= 3;
            while (i > 0 && s[i - 1] is ' ' or ',')
                i--;

            // "Our district office is at 1515 Hughes Way", "the library is now located at …": a sentence about where
            // the venue is; the venue word may be lower case there ("office", not "Office").
            for (var skipped = 0; skipped < 3 && PreviousWordIsOneOf(s, i, LocatingWords) is var w and > 0; skipped++)
            {
                i -= w;
                while (i > 0 && s[i - 1] == ' ')
                    i--;
                lowerAllowed = true;
            }

            // "The district office at 1515 Hughes Way": a lower-case venue word after "the" (or "our") and at most one
            // more word, right before "at".
            // Not for a PO box: "mail donations to the booster club at PO Box 2044" is still a mailing address to stop.
            lowerAllowed |= (TextFold.IsAsciiDigit(s[addressStart]) || s[addressStart] is '(' or '+') && TheBefore(s, i);
        }

        var e = i;
        var b = e;
        while (b > 0 && TextFold.IsWordChar(s[b - 1]))
            b--;
        if (b == e || (!lowerAllowed && !TextFold.IsUpper(s[b]) && !char.IsAsciiLetterUpper(s[b]) && !AfterAtThe(s, b)
            && !AfterCapitalizedWord(s, b)))
            return false;
        if (IsVenueWord(s[b..e]))
            return true;

        // "the Aquarium of the Pacific, 100 Aquarium Way", "Museum of Latin American Art, 2300 E. Ocean Blvd.": a venue
        // word before "of" and at most three capitalized words (or "the") after it.
        var p = b;
        for (var words = 0; words < 4; words++)
        {
            while (p > 0 && s[p - 1] == ' ')
                p--;
            var we = p;
            while (p > 0 && TextFold.IsWordChar(s[p - 1]))
                p--;
            if (p == we)
                return false;
            var word = s[p..we];
            if (word.Equals("of", StringComparison.Ordinal))
            {
                while (p > 0 && s[p - 1] == ' ')
                    p--;
                var ve = p;
                while (p > 0 && TextFold.IsWordChar(s[p - 1]))
                    p--;
                return p < ve && TextFold.IsUpper(s[p]) && IsVenueWord(s[p..ve]);
            }

            if (!TextFold.IsUpper(word[0]) && !word.Equals("the", StringComparison.Ordinal))
                return false;
        }

        return false;
    }

    static readonly string[] Determiners = ["the", "our"];

    static bool TheBefore(ReadOnlySpan<char> s, int venueEnd)
    {
        var b = venueEnd;
        while (b > 0 && TextFold.IsWordChar(s[b - 1]))
            b--;
        for (var words = 0; words < 2 && b > 0 && s[b - 1] == ' '; words++)
        {
            var e = b - 1;
            if (PreviousWordIsOneOf(s, e, Determiners) > 0)
                return true;
            b = e;
            while (b > 0 && TextFold.IsWordChar(s[b - 1]))
                b--;
        }

        return false;
    }

    /// <summary>"the library's Bay Shore branch": a lower-case venue word right after a capitalized name.</summary>
    static bool AfterCapitalizedWord(ReadOnlySpan<char> s, int wordStart)
    {
        var e = wordStart;
        if (e == 0 || s[e - 1] != ' ')
            return false;
        e--;
        var b = e;
        while (b > 0 && TextFold.IsWordChar(s[b - 1]))
            b--;
        return b < e && TextFold.IsUpper(s[b]) && (b == 0 || s[b - 1] == ' ');
    }

    bool IsVenueWord(ReadOnlySpan<char> word)
    {
        Span<char> buf = stackalloc char[24];
        var n = 0;
        for (var k = 0; k < word.Length && n < buf.Length; k++)
            buf[n++] = TextFold.Fold(word[k]);
        return _ctx.Rules.VenueWords.Contains(buf[..n].ToString());
    }

    /// <summary>
    /// "at the food bank, 2525 Pacific Ave": a lower-case venue word is a place when "at the" (and at most one more
    /// word) comes right before it.
    /// </summary>
    static bool AfterAtThe(ReadOnlySpan<char> s, int wordStart)
    {
        var i = wordStart;
        for (var words = 0; words < 2; words++)
        {
            while (i > 0 && s[i - 1] == ' ')
                i--;
            if (PreviousWordIsOneOf(s, i, TheWord) is var the and > 0)
            {
                i -= the;
                while (i > 0 && s[i - 1] == ' ')
                    i--;
                return PreviousWordIsOneOf(s, i, AtWord) > 0;
            }

            var b = i;
            while (b > 0 && TextFold.IsWordChar(s[b - 1]))
                b--;
            if (b == i)
                return false;
            i = b;
        }

        return false;
    }

    static readonly string[] TheWord = ["the"];
    static readonly string[] AtWord = ["at"];

    static readonly string[] LocatingWords = ["is", "are", "now", "located", "sits", "remains", "moved"];

    /// <summary>The length of the word ending at <paramref name="end"/> if it is one of <paramref name="words"/>, else 0.</summary>
    /// <summary>"led the diabetes awareness walk", "the American Cancer Society": a cause or an organisation, not a record.</summary>
    bool NextWordIsCause(ReadOnlySpan<char> s, int end)
    {
        var b = end;
        while (b < s.Length && s[b] is ' ' or '-')
            b++;
        if (b == end)
            return false;
        var e = b;
        while (e < s.Length && TextFold.IsWordChar(s[e]))
            e++;
        if (e == b)
            return false;
        var words = _ctx.Rules.ConfidentialCauseWords;
        return words is HashSet<string> set
            ? set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s[b..e])
            : words.Contains(s[b..e].ToString().ToLowerInvariant());
    }

    static int PreviousWordIsOneOf(ReadOnlySpan<char> s, int end, string[] words)
    {
        var b = end;
        while (b > 0 && TextFold.IsWordChar(s[b - 1]))
            b--;
        if (b == end || (b > 0 && s[b - 1] != ' '))
            return 0;
        var word = s[b..end];
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                return end - b;
        }

        return 0;
    }

    // A protected contact's finding never names its owner: anyone who may scan could otherwise learn whose
    // home a number or address is by scanning ranges of them.
    void KnownContactFinding(KnownContact known, string siteRule, string what, int start, int len)
    {
        switch (known.Kind)
        {
            case ContactOwnerKind.SitePublic:
                Add(siteRule, FindingCategory.ContactInfo, "Privacy §2", Severity.Info, start, len,
                    $"Public {what} of site {known.Owner}: fine to publish.");
                break;
            case ContactOwnerKind.Staff:
                Add(PolicyRules.StaffHomeContact, FindingCategory.StaffHomeContact, "Privacy §5", Severity.Block, start, len,
                    $"Remove this {what}: it is a staff member's or official's home {what} on the district's protected list; staff home addresses and phone numbers are never posted (Privacy §5).");
                break;
            case ContactOwnerKind.Official:
                Add(PolicyRules.OfficialHomeContact, FindingCategory.StaffHomeContact, "Privacy §6", Severity.Block, start, len,
                    $"Remove this {what}: it is a staff member's or official's home {what} on the district's protected list; an official's home contact needs their prior written permission (Privacy §6).");
                break;
            case ContactOwnerKind.OfficialWithPermission:
                break;
        }
    }

    // ---------------------------------------------------------------- leetspeak

    /// <summary>Undoes common obfuscation in the whitespace-delimited chunk around <paramref name="at"/> and looks it up.</summary>
    void Leet(ReadOnlySpan<char> s, int at)
    {
        var a = at;
        while (a > 0 && IsChunkChar(s[a - 1]))
            a--;
        var b = at;
        while (b < s.Length && IsChunkChar(s[b]))
            b++;
        while (a < b && s[a] is '.' or '!' or '?' or '\'' or '-' or '_' or '#' or '|')
            a++;
        while (b > a && s[b - 1] is '.' or '!' or '?' or '\'' or '-' or '_' or '#' or ',')
            b--;
        if (b - a < 3 || b - a > 24 || a <= _lastLeetChunk)
            return;
        _lastLeetChunk = a;
        var chunk = s[a..b];
        var atSign = chunk.IndexOf('@');
        if (atSign >= 0 && chunk[(atSign + 1)..].Contains('.'))
            return;

        Span<char> buf = stackalloc char[24];
        var len = 0;
        var letters = 0;
        var stars = 0;
        var obfuscated = false;
        var ones = 0;
        foreach (var c in chunk)
        {
            char m;
            if (TextFold.Classes[c] == TextFold.Letter)
            {
                m = TextFold.Fold(c);
                letters++;
            }
            else
            {
                obfuscated = true;
                switch (c)
                {
                    case '0': m = 'o'; break;
                    case '1': m = 'i'; ones++; break;
                    case '3': m = 'e'; break;
                    case '4' or '@': m = 'a'; break;
                    case '5' or '$': m = 's'; break;
                    case '7' or '+': m = 't'; break;
                    case '8': m = 'b'; break;
                    case '9': m = 'g'; break;
                    case '!': m = 'i'; break;
                    case '|': m = 'l'; break;
                    case '*' or '#': m = '*'; stars++; break;
                    case '.' or '-' or '_' or '\'' or '\u2019': continue;
                    default: return;
                }
            }

            buf[len++] = m;
        }

        if (letters == 0 || len < 3 || (!obfuscated && !HasTripleLetter(buf[..len])))
            return;
        var word = buf[..len];
        var entry = stars > 0 ? Wildcard(word) : Lookup(word);
        if (entry is null && stars > 0 && chunk.ContainsAny("@$!"))
        {
            // "f@#k": beside a mask, '@', '$' and '!' mask letters too.
            var k = 0;
            foreach (var c in chunk)
            {
                if (c is '.' or '-' or '_' or '\'' or '\u2019')
                    continue;
                if (c is '@' or '$' or '!')
                    buf[k] = '*';
                k++;
            }

            entry = Wildcard(word);
        }

        if (entry is null && ones > 0)
        {
            // '1' stands for 'l' as often as for 'i' ("cl1t" vs "sh1t"): try the other reading.
            var k = 0;
            foreach (var c in chunk)
            {
                if (c is '.' or '-' or '_' or '\'' or '\u2019')
                    continue;
                if (c == '1')
                    buf[k] = 'l';
                k++;
            }

            entry = stars > 0 ? Wildcard(word) : Lookup(word);
        }
        if (entry is not null)
            _lexHits.Add((a, b, entry));
    }

    static bool IsChunkChar(char c) =>
        TextFold.IsWordChar(c) || c is '*' or '$' or '@' or '!' or '|' or '+' or '#' or '.' or '-' or '_' or '\'';

    LexiconEntry? Lookup(Span<char> word)
    {
        var lex = _ctx.SingleWordLexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lex.TryGetValue(word, out var e) || lex.TryGetValue(Collapse(word, 3), out e) || lex.TryGetValue(Collapse(word, 2), out e))
            return e;
        return null;
    }

    /// <summary>Collapses runs of at least <paramref name="min"/> equal letters to one ("fuuuck" → "fuck").</summary>
    static string Collapse(ReadOnlySpan<char> word, int min)
    {
        Span<char> b = stackalloc char[word.Length];
        var n = 0;
        for (var i = 0; i < word.Length;)
        {
            var j = i;
            while (j < word.Length && word[j] == word[i])
                j++;
            var run = j - i;
            var keep = run >= min ? 1 : run;
            for (var k = 0; k < keep; k++)
                b[n++] = word[i];
            i = j;
        }

        return b[..n].ToString();
    }

    /// <summary>"f*ck", "s**t", "b#tch": stars stand for letters; needs two known letters and a same-length entry.</summary>
    LexiconEntry? Wildcard(ReadOnlySpan<char> word)
    {
        var known = word.Length - word.Count('*');
        if (word[0] == '*' || known < 1 || (known == 1 && word.Length < 3))
            return null;
        if (!_ctx.SingleWordLexiconByLength.TryGetValue(word.Length, out var candidates))
            return null;
        LexiconEntry? best = null;
        foreach (var e in candidates)
        {
            var ok = true;
            // One known letter and the rest masked ("f***", "a**") is how people print swearing, never a slur or a
            // harassing word: only profanity is read into it.
            ok = known > 1 || e.Category == FindingCategory.Obscene;
            for (var i = 0; i < word.Length && ok; i++)
                ok = word[i] == '*' || word[i] == e.Term[i];
            // A masked word that fits both a profanity and a slur ("f***ing") is read as the profanity: masking is
            // how people soften swearing, and calling it a slur would misreport what the post says.
            if (ok && (best is null || Rank(e) > Rank(best)))
                best = e;
        }

        return best;
    }

    static int Rank(LexiconEntry e) => (e.Category == FindingCategory.Obscene ? 2 : 0) + (e.Severity == Severity.Block ? 1 : 0);

    /// <summary>"f u c k": three or more single letters separated by single spaces, read as one word.</summary>
    void Spaced(ReadOnlySpan<char> s, int start, int end)
    {
        Span<char> buf = stackalloc char[24];
        var n = 0;
        for (var k = start; k < end && n < buf.Length; k += 2)
            buf[n++] = TextFold.Fold(s[k]);
        if (n >= 3 && Lookup(buf[..n]) is { } entry)
            _lexHits.Add((start, end, entry));
    }

    // ---------------------------------------------------------------- resolution

    void ResolveSubjects(Post post)
    {
        foreach (var subject in post.ImageSubjects)
        {
            if (subject is null)
                continue;
            if (subject.StudentId is { } id && _ctx.StudentIndexById.TryGetValue(id.Trim(), out var idx))
            {
                _subjects.Add(idx);
                continue;
            }

            if (subject.Name is { } name && _ctx.NameIndexByKey.TryGetValue(TextFold.Key(name), out var n))
            {
                for (var k = _ctx.NameStudentStart[n]; k < _ctx.NameStudentStart[n + 1]; k++)
                    _subjects.Add(_ctx.NameStudents[k]);
            }
        }
    }

    void ResolveNames(ReadOnlySpan<char> s, Post post)
    {
        if (_names.Count == 0)
            return;
        // Reported in order of their ends, which for names of two or three words is nearly always start order too.
        if (!InStartOrder(_names))
            _names.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        var groupPhoto = post.ImageSubjects.Count >= 2;
        var lastEnd = -1;
        var lastStart = -1;
        // "liv chen and joy lin won the doubles": a post that writes another roster name in lower case writes names so.
        var lowerCaseNames = false;
        foreach (var (start, end, name) in _names)
            lowerCaseNames |= ((NameInfo)_ctx.NameInfoBySpelling[name] & NameInfo.HasCommonWord) == 0 && !HasUpper(s[start..end]);
        foreach (var (start, end, name) in _names)
        {
            // The longest name wins: "Mary Ann Smith" hides "Ann Smith".
            if (start >= lastStart && end <= lastEnd)
                continue;
            if (start >= 2 && s[start - 1] == '-' && TextFold.IsWordChar(s[start - 2]))
                continue;
            if (end + 1 < s.Length && s[end] == '-' && TextFold.IsWordChar(s[end + 1]))
                continue;
            var info = (NameInfo)_ctx.NameInfoBySpelling[name];
            // "hope lee" in lower case is words, not a name, unless that student is in the post's photo ("here's rose
            // adeyemi with her ribbon" beside her picture).
            if ((info & NameInfo.HasCommonWord) != 0 && !HasUpper(s[start..end]) && !lowerCaseNames && !NamesAPhotoSubject(name))
                continue;
            lastStart = start;
            lastEnd = end;
            _acceptedNames.Add((start, end));
            if ((info & NameInfo.AnyOptOut) == 0 && (post.ImageSubjects.Count == 0 || (info & NameInfo.AnyLacksConsent) == 0))
            {
                // The common case (no opt-out, no photo problem): decided from one byte, nothing formatted per name.
                Add(PolicyRules.StudentNamed, FindingCategory.StudentName, "Privacy §3", Severity.Info, start, end - start, StudentNamedMessage);
                continue;
            }

            NameFinding(s, start, end, name, groupPhoto);
        }
    }

    bool NamesAPhotoSubject(int name)
    {
        if (_subjects.Count == 0)
            return false;
        for (var k = _ctx.NameStudentStart[name]; k < _ctx.NameStudentStart[name + 1]; k++)
        {
            if (_subjects.Contains(_ctx.NameStudents[k]))
                return true;
        }

        return false;
    }

    static bool InStartOrder(List<(int Start, int End, int Name)> names)
    {
        for (var k = 1; k < names.Count; k++)
        {
            var (a, b) = (names[k - 1], names[k]);
            if (a.Start > b.Start || (a.Start == b.Start && a.End < b.End))
                return false;
        }

        return true;
    }

    void NameFinding(ReadOnlySpan<char> s, int start, int end, int name, bool groupPhoto)
    {
        var from = _ctx.NameStudentStart[name];
        var to = _ctx.NameStudentStart[name + 1];
        var inPhoto = false;
        if (_subjects.Count > 0)
        {
            for (var k = from; k < to; k++)
                inPhoto |= _subjects.Contains(_ctx.NameStudents[k]);
        }

        bool lacksConsent = false, optOut = false;
        for (var k = from; k < to; k++)
        {
            var idx = _ctx.NameStudents[k];
            if (inPhoto && !_subjects.Contains(idx))
                continue; // same name, but the one in the photo is this one
            var st = _ctx.Students[idx];
            lacksConsent |= !st.HasCurrentPhotoWithNameConsent;
            optOut |= st.DirectoryOptOut;
        }

        var len = end - start;
        if (!optOut && !(lacksConsent && (groupPhoto || inPhoto)))
        {
            // The common case (a roster name, no photo problem): a constant message, nothing formatted per name.
            Add(PolicyRules.StudentNamed, FindingCategory.StudentName, "Privacy §3", Severity.Info, start, len, StudentNamedMessage);
            return;
        }

        var shown = s[start..end].ToString();
        var blocked = false;
        if (groupPhoto && lacksConsent)
        {
            Add(PolicyRules.GroupPhotoNames, FindingCategory.PhotoConsent, "Privacy §4", Severity.Block, start, len,
                $"Remove {shown}'s name: group photos may be published only without students' names unless each named student has written parental consent (Privacy §4).");
            blocked = true;
        }
        else if (inPhoto && lacksConsent)
        {
            Add(PolicyRules.PhotoWithName, FindingCategory.PhotoConsent, "Privacy §3", Severity.Block, start, len,
                $"Remove {shown}'s name or record the parent's written consent to publish the photo with the name: a student's photo may not be published with their name without it (Privacy §3).");
            blocked = true;
        }

        if (optOut)
        {
            Add(PolicyRules.DirectoryOptOut, FindingCategory.StudentName, "Privacy §1", Severity.Block, start, len,
                $"Remove {shown}'s name: the family opted out of directory information, so the name may not be published.");
            blocked = true;
        }

        if (!blocked)
            Add(PolicyRules.StudentNamed, FindingCategory.StudentName, "Privacy §3", Severity.Info, start, len, StudentNamedMessage);
    }

    const string StudentNamedMessage = "A student on the roster: fine to name without a photo of them (with a photo of them, only with the parent's written consent to publish the photo with the name).";

    static bool HasUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (TextFold.IsUpper(c))
                return true;
        }

        return false;
    }

    void ResolveLexicon(ReadOnlySpan<char> s)
    {
        if (_lexHits.Count == 0)
            return;
        _lexHits.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        var lastEnd = -1;
        foreach (var (start, end, entry) in _lexHits)
        {
            if (start < lastEnd)
                continue;
            if (Overlaps(_allow, start, end) || Overlaps(_acceptedNames, start, end))
                continue;
            if (_ctx.Rules.NameLikeLexiconWords.Contains(entry.Term) && UsedAsName(s, start, end))
                continue;
            lastEnd = end;
            var harass = entry.Category == FindingCategory.Harassment;
            var shown = s[start..end].ToString();
            Add(harass ? PolicyRules.HarassmentLexicon : PolicyRules.Obscene, entry.Category,
                harass ? "Discipline §7" : "Content §3", entry.Severity, start, end - start,
                harass
                    ? $"Remove \"{shown}\": slurs and discriminatory language are prohibited (Discipline §7)."
                    : entry.Severity == Severity.Block
                        ? $"Remove \"{shown}\": official accounts may not carry obscene or vulgar language (Content §3, Discipline §7)."
                        : $"Reconsider \"{shown}\": vulgar language reflects on the District (Discipline §7); a reviewer decides.");
        }
    }

    /// <summary>"Coach Dick Anderson", "Dick Vermeil": capitalized and followed by a capitalized surname.</summary>
    static bool UsedAsName(ReadOnlySpan<char> s, int start, int end)
    {
        if (!TextFold.IsUpper(s[start]) || end + 2 >= s.Length || s[end] != ' ')
            return false;
        return TextFold.IsUpper(s[end + 1]) && TextFold.Classes[s[end + 2]] == TextFold.Letter && !TextFold.IsUpper(s[end + 2]);
    }

    static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (a, b) in spans)
        {
            if (a < end && start < b)
                return true;
        }

        return false;
    }

    (int Start, int End) SentenceOf(int pos, int length)
    {
        var idx = _breaks.BinarySearch(pos);
        if (idx < 0)
            idx = ~idx;
        var end = idx < _breaks.Count ? _breaks[idx] + 1 : length;
        var start = idx > 0 ? _breaks[idx - 1] + 1 : 0;
        return (start, Math.Min(end, length));
    }

    void ResolveConfidential(ReadOnlySpan<char> s)
    {
        if (_confidential.Count == 0 || (_acceptedNames.Count == 0 && _studentIds.Count == 0))
            return;
        var window = _ctx.Rules.ConfidentialWindow;
        var lastEnd = -1;
        foreach (var (start, end) in _confidential)
        {
            if (start < lastEnd || NextWordIsCause(s, end))
                continue;
            var (ss, se) = SentenceOf(start, s.Length);
            // "the Asthma and Allergy Foundation", "American Cancer Society": a title-case term inside a sentence is part
            // of a name (acronyms such as "IEP" and "GPA" are not title case).
            if (start > ss && end - start >= 2 && TextFold.IsUpper(s[start]) && IsLowerWord(s[(start + 1)..end])
                && s[ss..start].Trim().Length > 0)
                continue;
            var near = false;
            foreach (var (a, b) in _acceptedNames)
                near |= a >= ss && b <= se && Math.Abs(a - start) <= window;
            foreach (var (a, b) in _studentIds)
                near |= a >= ss && b <= se;
            if (!near && ss > 0 && StartsWithPronoun(s[ss..se]))
            {
                // "Aaliyah Johnson will speak at graduation. She finished with a 4.6 GPA."
                var (ps, pe) = SentenceOf(ss - 1, s.Length);
                foreach (var (a, b) in _acceptedNames)
                    near |= a >= ps && b <= pe && start - a <= window;
            }

            if (!near && ss > 0 && SaysYou(s[ss..se]))
            {
                // "Get well soon, Hope Martinez! We hope your wrist surgery went smoothly.": the sentence before ends by
                // addressing the student by name.
                var (ps, pe) = SentenceOf(ss - 1, s.Length);
                foreach (var (a, b) in _acceptedNames)
                    near |= a >= ps && b <= pe && start - a <= window && AddressedAtTheEnd(s, a, b, pe);
            }

            if (!near)
                continue;
            lastEnd = end;
            var shown = s[start..end].ToString();
            Add(PolicyRules.Confidential, FindingCategory.Confidential, "Privacy §1", Severity.Block, start, end - start,
                $"Remove \"{shown}\" about the named student: grades, IEP/504, discipline and health details are confidential student records (Privacy §1).");
        }
    }

    /// <summary>Letters, none upper case: "sthma" of "Asthma", not "piPen" of "EpiPen" (a brand) nor "EP" of "IEP".</summary>
    static bool IsLowerWord(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (c == ' ')
                break; // a phrase term: its first word decides
            if (!TextFold.IsWordChar(c) || TextFold.IsUpper(c) || TextFold.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    static bool SaysYou(ReadOnlySpan<char> sentence)
    {
        foreach (var word in (string[])["you", "your", "you're", "you’re"])
        {
            var at = 0;
            while (at < sentence.Length && sentence[at..].IndexOf(word, StringComparison.OrdinalIgnoreCase) is var k and >= 0)
            {
                var i = at + k;
                var endsWord = i + word.Length >= sentence.Length || !TextFold.IsWordChar(sentence[i + word.Length]);
                if ((i == 0 || !TextFold.IsWordChar(sentence[i - 1])) && endsWord)
                    return true;
                at = i + 1;
            }
        }

        return false;
    }

    /// <summary>", Hope Martinez!" or ", Hope Martinez." closing its sentence: the name is said to the student.</summary>
    static bool AddressedAtTheEnd(ReadOnlySpan<char> s, int nameStart, int nameEnd, int sentenceEnd)
    {
        var i = nameEnd;
        while (i < sentenceEnd && i < s.Length && s[i] is ' ' or '!' or '.' or '?')
            i++;
        if (i < sentenceEnd)
            return false;
        var j = nameStart;
        while (j > 0 && s[j - 1] == ' ')
            j--;
        return j > 0 && s[j - 1] == ',';
    }

    static bool StartsWithPronoun(ReadOnlySpan<char> sentence)
    {
        var t = sentence.TrimStart();
        foreach (var p in (ReadOnlySpan<string>)["He ", "She ", "They ", "His ", "Her ", "Their ", "he ", "she ", "they ", "his ", "her ", "their "])
        {
            if (t.StartsWith(p, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    void ResolveSentenceRules(ReadOnlySpan<char> s)
    {
        var rules = _ctx.Rules.SentenceRules;
        if (_ctx.Rules.ReadEverySentence)
        {
            for (var r = 0; r < rules.Count; r++)
            {
                _triggers.Add((0, r));
                foreach (var b in _breaks)
                    _triggers.Add((b + 1, r));
            }
        }

        if (_triggers.Count == 0)
            return;
        Span<int> lastSentence = stackalloc int[Math.Max(1, rules.Count)];
        lastSentence.Fill(-1);
        Span<int> lastFindingEnd = stackalloc int[Math.Max(1, rules.Count)];
        lastFindingEnd.Fill(-1);
        _triggers.Sort(static (x, y) => x.Pos.CompareTo(y.Pos));
        foreach (var (pos, r) in _triggers)
        {
            if (r >= rules.Count)
                continue;
            var (ss, se) = SentenceOf(pos, s.Length);
            if (lastSentence[r] == ss)
                continue;
            lastSentence[r] = ss;
            var rule = rules[r];
            var window = s[ss..se];
            try
            {
                // Most sentences with a trigger word are not findings: decide first, find the spans only then.
                if (!rule.Applies(window))
                    continue;
                foreach (var regex in rule.Matches)
                {
                    foreach (var m in regex.EnumerateMatches(window))
                    {
                        var start = ss + m.Index;
                        if (start < lastFindingEnd[r] || m.Length == 0)
                            continue;
                        lastFindingEnd[r] = start + m.Length;
                        Add(rule.RuleId, rule.Category, rule.PolicyReference, rule.Severity, start, m.Length, rule.Message);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological district expression: never pass silently, ask a human.
                Add(rule.RuleId, rule.Category, rule.PolicyReference, Severity.Review, ss, se - ss,
                    "This rule could not be checked on this sentence (its expression took too long); review it by hand. " + rule.Message);
            }
        }
    }

    /// <summary>Links given beside the text are read as text by the sentence rules (a promo code in a shop link
    /// is advertising wherever it is written). Not part of the text, their findings point at no span.</summary>
    void CheckLinks(string text, Post post)
    {
        foreach (var link in post.Links)
        {
            if (string.IsNullOrWhiteSpace(link) || text.Contains(link, StringComparison.OrdinalIgnoreCase))
                continue; // written in the text too: already read there
            foreach (var rule in _ctx.Rules.SentenceRules)
            {
                try
                {
                    if (!rule.Applies(link))
                        continue;
                    Add(rule.RuleId, rule.Category, rule.PolicyReference, rule.Severity, 0, 0, $"In the link {link}: {rule.Message}");
                }
                catch (RegexMatchTimeoutException)
                {
                    Add(rule.RuleId, rule.Category, rule.PolicyReference, Severity.Review, 0, 0,
                        $"This rule could not be checked on the link {link} (its expression took too long); review it by hand. " + rule.Message);
                }
            }
        }
    }

    void CheckUnresolvedSubjects(string text, Post post)
    {
        if (post.ImageSubjects.Count == 0 || text.Length == 0)
            return;
        var group = post.ImageSubjects.Count >= 2;
        foreach (var subject in post.ImageSubjects)
        {
            if (subject?.Name is not { Length: > 0 } name)
                continue;
            if (subject.StudentId is { } id && _ctx.StudentIndexById.ContainsKey(id.Trim()))
                continue;
            if (_ctx.NameIndexByKey.ContainsKey(TextFold.Key(name)))
                continue;
            // Not on the roster, so no consent can be on record: naming them next to their photo blocks.
            var at = FindWhole(text, name.Trim());
            if (at < 0)
                continue;
            var len = name.Trim().Length;
            Add(group ? PolicyRules.GroupPhotoNames : PolicyRules.PhotoWithName, FindingCategory.PhotoConsent,
                group ? "Privacy §4" : "Privacy §3", Severity.Block, at, len,
                $"Remove {text.Substring(at, len)}'s name: they appear in the photo and no written parental consent is on record (Privacy §{(group ? 4 : 3)}).");
        }
    }

    static int FindWhole(string text, string name)
    {
        var ci = CultureInfo.InvariantCulture.CompareInfo;
        var from = 0;
        while (from < text.Length)
        {
            var at = ci.IndexOf(text, name, from, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
            if (at < 0)
                return -1;
            var end = at + name.Length;
            if ((at == 0 || !TextFold.IsWordChar(text[at - 1])) && (end >= text.Length || !TextFold.IsWordChar(text[end])))
                return at;
            from = at + 1;
        }

        return -1;
    }

    void CheckCopyright(string text, Post post)
    {
        foreach (var material in post.ThirdPartyMaterial)
        {
            if (material is null || string.IsNullOrWhiteSpace(material.Owner))
                continue;
            var owner = material.Owner.Trim();
            var problem = CopyrightNotice.Problem(text, owner);
            if (problem is null)
                continue;
            Add(PolicyRules.CopyrightCredit, FindingCategory.Copyright, "Content §12", Severity.Block, 0, 0, problem);
        }
    }

    void CheckOutsideContent(Post post)
    {
        if (string.IsNullOrWhiteSpace(post.OutsideOrganization))
            return;
        Add(PolicyRules.OutsideContent, FindingCategory.OutsideContent, "Booster §4", Severity.Review, 0, 0,
            $"Content from {post.OutsideOrganization.Trim()} needs the Superintendent's (DistrictAdmin) approval before it is published, and must directly benefit students (Booster §4, §5).");
    }

    void Add(string ruleId, FindingCategory category, string policy, Severity severity, int start, int length, string message) =>
        _findings.Add(Findings.Make(ruleId, category, policy, severity, start, length, message));
}
