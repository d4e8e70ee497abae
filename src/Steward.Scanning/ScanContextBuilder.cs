namespace Steward.Scanning;

/// <summary>Collects a district's roster, contacts and rules and compiles them into a <see cref="ScanContext"/>.</summary>
public sealed partial class ScanContextBuilder
{
    readonly ScannerRules _rules;
    readonly List<RosterStudent> _students = [];
    readonly List<SitePublicContacts> _sites = [];
    readonly List<HomeContact> _homeContacts = [];
    readonly HashSet<string> _emailDomains = new(StringComparer.OrdinalIgnoreCase);

    internal ScanContextBuilder(ScannerRules rules) => _rules = rules;

    public ScanContextBuilder AddStudent(RosterStudent student)
    {
        ArgumentNullException.ThrowIfNull(student);
        _students.Add(student);
        return this;
    }

    public ScanContextBuilder AddStudents(IEnumerable<RosterStudent> students)
    {
        ArgumentNullException.ThrowIfNull(students);
        foreach (var s in students)
            AddStudent(s);
        return this;
    }

    /// <summary>A site's published phones, emails and addresses: allowed in posts (Info).</summary>
    public ScanContextBuilder AddSite(SitePublicContacts site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _sites.Add(site);
        return this;
    }

    /// <summary>A domain of staff work addresses (exact match, e.g. "lbusd.k12.ca.us"): such emails are Info.</summary>
    public ScanContextBuilder AllowEmailDomain(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        _emailDomains.Add(domain.Trim().TrimStart('@').ToLowerInvariant());
        return this;
    }

    /// <summary>A staff member's or official's home phones and addresses (Privacy §5, §6).</summary>
    public ScanContextBuilder AddHomeContact(HomeContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        _homeContacts.Add(contact);
        return this;
    }

    /// <summary>
    /// The keys a listed address is known by: its own, and the key of the street address the scanner reads in it,
    /// so "1600 Broadway, Long Beach, CA 90802" as listed matches "1600 Broadway" in a post.
    /// </summary>
    List<string> AddressKeys(string address)
    {
        var keys = new List<string> { AddressParser.KeyOf(address) };
        var text = address.Trim();
        var end = 0;
        while (end < text.Length && TextFold.IsAsciiDigit(text[end]))
            end++;
        if (end > 0)
        {
            var street = AddressParser.TryStreet(text, 0, end, _rules.StreetSuffixes, _rules.SuffixlessStreets);
            if (street.End > 0 && !keys.Contains(street.Key))
                keys.Add(street.Key);
        }
        else
        {
            var military = MilitaryPostWord().Match(text);
            var mil = military.Success ? AddressParser.TryMilitary(text, military.Index, military.Index + military.Length) : default;
            if (mil.End > 0)
            {
                keys.Add(mil.Key);
                return keys;
            }

            var tokens = TextFold.Tokens(text);
            var box = tokens.IndexOf("box");
            if (box >= 0 && box + 1 < tokens.Count && tokens[box + 1].All(char.IsAsciiDigit))
                keys.Add("po box " + tokens[box + 1]);
        }

        return keys;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[AFD]PO\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex MilitaryPostWord();

    public ScanContext Build()
    {
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var idsByHash = new Dictionary<ulong, int>();
        var flags = new List<int>();
        var automaton = new TokenAutomaton.Builder();

        int Intern(string token)
        {
            if (tokenIds.TryGetValue(token, out var id))
                return id;
            id = tokenIds.Count;
            var h = TextFold.Hash(token);
            if (!idsByHash.TryAdd(h, id))
                throw new InvalidOperationException($"Token hash collision between '{token}' and another token; change the seed of TextFold.Hash.");
            tokenIds.Add(token, id);
            flags.Add(0);
            return id;
        }

        var scratch = new List<int>(8);
        int[]? TokenIdsOf(string key)
        {
            scratch.Clear();
            foreach (var t in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                scratch.Add(Intern(t));
            return scratch.Count is > 0 and <= 32 ? [.. scratch] : null;
        }

        // Students: one pattern per distinct spelling; several students may share it.
        var students = _students.ToArray();
        var nameIndexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameKeys = new List<string>();
        var pairs = new List<(int Name, int Student)>(students.Length * 2);
        var studentIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int minId = int.MaxValue, maxId = 0;
        for (var s = 0; s < students.Length; s++)
        {
            var st = students[s];
            studentIndexById.TryAdd(st.StudentId, s);
            if (st.StudentId.Length >= 5 && ids.Add(st.StudentId))
            {
                minId = Math.Min(minId, st.StudentId.Length);
                maxId = Math.Max(maxId, st.StudentId.Length);
            }

            AddName(st.FirstName, st.LastName, s);
            if (!string.IsNullOrWhiteSpace(st.PreferredName))
                AddName(st.PreferredName, st.LastName, s);
        }

        void AddName(string first, string last, int student)
        {
            var key = TextFold.Key(first + " " + last);
            var lastTokens = TextFold.Key(last);
            // A name needs a given name and a family name; one word alone is never a match.
            if (key.Length == 0 || lastTokens.Length == 0 || key == lastTokens)
                return;
            if (!nameIndexByKey.TryGetValue(key, out var idx))
            {
                idx = nameKeys.Count;
                nameIndexByKey.Add(key, idx);
                nameKeys.Add(key);
            }

            if (pairs.Count == 0 || pairs[^1] != (idx, student))
                pairs.Add((idx, student));
        }

        var nameHasCommon = new bool[nameKeys.Count];
        for (var n = 0; n < nameKeys.Count; n++)
        {
            var toks = TokenIdsOf(nameKeys[n]);
            if (toks is null)
                continue;
            automaton.Add(toks, PatternKind.StudentName, n);
            foreach (var t in nameKeys[n].Split(' '))
            {
                if (_rules.CommonNameWords.Contains(t))
                    nameHasCommon[n] = true;
            }
        }

        // Students per name as CSR arrays: two ints per pair instead of a list per name.
        var nameStart = new int[nameKeys.Count + 1];
        foreach (var (name, _) in pairs)
            nameStart[name + 1]++;
        for (var n = 0; n < nameKeys.Count; n++)
            nameStart[n + 1] += nameStart[n];
        var nameStudents = new int[pairs.Count];
        var fill = (int[])nameStart.Clone();
        foreach (var (name, student) in pairs)
        {
            // The same student can reach a name twice (preferred = first); keep one.
            var from = nameStart[name];
            var dup = false;
            for (var k = from; k < fill[name]; k++)
                dup |= nameStudents[k] == student;
            if (!dup)
                nameStudents[fill[name]++] = student;
        }

        // Compact away the duplicate slots left above.
        var compactStart = new int[nameKeys.Count + 1];
        var w = 0;
        for (var n = 0; n < nameKeys.Count; n++)
        {
            compactStart[n] = w;
            for (var k = nameStart[n]; k < fill[n]; k++)
                nameStudents[w++] = nameStudents[k];
        }

        compactStart[nameKeys.Count] = w;
        Array.Resize(ref nameStudents, w);

        var lexicon = _rules.Lexicon.ToArray();
        var single = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var byLength = new Dictionary<int, List<LexiconEntry>>();
        for (var i = 0; i < lexicon.Length; i++)
        {
            var toks = TokenIdsOf(lexicon[i].Term);
            if (toks is null)
                continue;
            automaton.Add(toks, PatternKind.Lexicon, i);
            if (toks.Length == 1)
            {
                single.TryAdd(lexicon[i].Term, lexicon[i]);
                if (!byLength.TryGetValue(lexicon[i].Term.Length, out var list))
                    byLength[lexicon[i].Term.Length] = list = [];
                list.Add(lexicon[i]);
            }
        }

        // Plurals the lists do not spell out ("retards", "jackasses"): same entry, one more pattern.
        var known = new HashSet<string>(lexicon.Select(e => e.Term), StringComparer.Ordinal);
        for (var i = 0; i < lexicon.Length; i++)
        {
            var term = lexicon[i].Term;
            if (term.Contains(' ', StringComparison.Ordinal) || term.Length < 3)
                continue;
            var plural = term.EndsWith('s') || term.EndsWith('x') || term.EndsWith("sh", StringComparison.Ordinal) ? term + "es" : term + "s";
            if (known.Add(plural) && TokenIdsOf(plural) is { } pt)
            {
                automaton.Add(pt, PatternKind.Lexicon, i);
                // The leetspeak decoder looks words up in the single-word table: "r3tards" must find the plural too.
                single.TryAdd(plural, lexicon[i]);
            }
        }

        foreach (var phrase in _rules.LexiconAllowPhrases)
        {
            var toks = TokenIdsOf(TextFold.Key(phrase));
            if (toks is not null)
                automaton.Add(toks, PatternKind.LexiconAllow, 0);
        }

        foreach (var term in _rules.ConfidentialTerms)
        {
            var toks = TokenIdsOf(TextFold.Key(term));
            if (toks is not null)
                automaton.Add(toks, PatternKind.Confidential, 0);
        }

        void Flag(string word, int flag)
        {
            foreach (var t in TextFold.Tokens(word))
            {
                var id = Intern(t);
                flags[id] |= flag;
            }
        }

        // Street words, with or without a suffix ("Blvd", "Broadway"): the scanner tries a street address from the
        // last house number when one of them follows it.
        foreach (var s in _rules.StreetSuffixes)
            Flag(s, (int)TokenFlags.StreetSuffix);
        foreach (var s in _rules.SuffixlessStreets)
            Flag(s, (int)TokenFlags.StreetSuffix);
        foreach (var s in _rules.PhoneCueWords)
            Flag(s, (int)TokenFlags.PhoneCue);
        foreach (var s in _rules.EmailCueWords)
            Flag(s.Replace("-", "", StringComparison.Ordinal), (int)TokenFlags.EmailCue);
        Flag("mail", (int)TokenFlags.EmailCue);
        Flag("at", (int)TokenFlags.At);
        Flag("box", (int)TokenFlags.Box);
        foreach (var post in (string[])["apo", "fpo", "dpo"])
            Flag(post, (int)TokenFlags.MilitaryPost);
        foreach (var digit in ScanRun.DigitWords.Append("oh"))
            Flag(digit, (int)TokenFlags.DigitWord);

        var charTriggers = new int[128];
        var hashtagPrefixes = new List<string>();
        var hashtagRules = new List<int>();
        var hashtagAnywhere = new List<bool>();
        for (var r = 0; r < _rules.SentenceRules.Count && r < 20; r++)
        {
            foreach (var trig in _rules.SentenceRules[r].Triggers)
            {
                if (trig.StartsWith('#'))
                {
                    hashtagPrefixes.Add(TextFold.Key(trig.TrimEnd('*')).Replace(" ", "", StringComparison.Ordinal));
                    hashtagRules.Add(r);
                    hashtagAnywhere.Add(trig.StartsWith("#*", StringComparison.Ordinal));
                }
                else
                {
                    Flag(trig, (int)TokenFlags.FirstSentenceRule << r);
                }
            }

            foreach (var phrase in _rules.SentenceRules[r].Phrases)
            {
                var toks = TokenIdsOf(TextFold.Key(phrase));
                if (toks is not null)
                    automaton.Add(toks, PatternKind.SentenceTrigger, r);
            }

            foreach (var c in _rules.SentenceRules[r].TriggerChars)
            {
                if (c < charTriggers.Length)
                    charTriggers[c] |= 1 << r;
            }
        }

        var knownPhones = new Dictionary<long, KnownContact>();
        var knownAddresses = new Dictionary<string, KnownContact>(StringComparer.Ordinal);
        var siteEmails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in _sites)
        {
            foreach (var p in site.Phones)
            {
                var key = PhoneParser.KeyOf(p);
                if (key > 0)
                    knownPhones.TryAdd(key, new KnownContact(ContactOwnerKind.SitePublic, site.SiteCode));
            }

            foreach (var e in site.Emails)
                siteEmails.TryAdd(e.Trim(), site.SiteCode);
            foreach (var a in site.Addresses)
            {
                foreach (var key in AddressKeys(a))
                    knownAddresses.TryAdd(key, new KnownContact(ContactOwnerKind.SitePublic, site.SiteCode));
            }
        }

        // Home contacts win over a site's public listing: a number cannot be both, and blocking is the safe side.
        foreach (var h in _homeContacts)
        {
            var kind = h.Owner == HomeContactOwner.Staff ? ContactOwnerKind.Staff
                : h.HasWrittenPermission ? ContactOwnerKind.OfficialWithPermission : ContactOwnerKind.Official;
            foreach (var p in h.Phones)
            {
                var key = PhoneParser.KeyOf(p);
                if (key > 0)
                    knownPhones[key] = new KnownContact(kind, h.PersonName);
            }

            foreach (var a in h.Addresses)
            {
                foreach (var key in AddressKeys(a))
                    knownAddresses[key] = new KnownContact(kind, h.PersonName);
            }
        }

        // One byte per name spelling so the common case of a scan never touches the roster objects (cache misses).
        var nameInfo = new byte[nameKeys.Count];
        for (var n = 0; n < nameInfo.Length; n++)
        {
            var info = nameHasCommon[n] ? NameInfo.HasCommonWord : NameInfo.None;
            for (var k = compactStart[n]; k < compactStart[n + 1]; k++)
            {
                var st = students[nameStudents[k]];
                info |= (st.DirectoryOptOut ? NameInfo.AnyOptOut : 0) | (st.HasCurrentPhotoWithNameConsent ? 0 : NameInfo.AnyLacksConsent);
            }

            nameInfo[n] = (byte)info;
        }

        var flagArray = flags.ToArray();
        return new ScanContext(new ContextData
        {
            Rules = _rules,
            Vocabulary = TokenVocabulary.Create(idsByHash, flagArray),
            Automaton = automaton.Build(tokenIds.Count),
            Students = students,
            NameStudentStart = compactStart,
            NameStudents = nameStudents,
            NameKeys = [.. nameKeys],
            NameInfoBySpelling = nameInfo,
            NameIndexByKey = nameIndexByKey,
            StudentIndexById = studentIndexById,
            StudentIdLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>(),
            MinStudentIdLength = minId == int.MaxValue ? int.MaxValue : minId,
            MaxStudentIdLength = maxId,
            LexiconEntries = lexicon,
            SingleWordLexicon = single,
            SingleWordLexiconByLength = byLength,
            KnownPhones = knownPhones,
            KnownAddresses = knownAddresses,
            SiteEmails = siteEmails,
            AllowedEmailDomains = new HashSet<string>(_emailDomains, StringComparer.OrdinalIgnoreCase),
            HashtagPrefixes = [.. hashtagPrefixes],
            HashtagPrefixRule = [.. hashtagRules],
            HashtagPrefixAnywhere = [.. hashtagAnywhere],
            CharTriggers = charTriggers,
            SeparatorActions = SeparatorActionsFor(charTriggers),
        });
    }

    /// <summary>
    /// The separator table of <see cref="ScanRun"/>: characters with no side effect in its Separator handling (see
    /// there) are answered from this table; anything that triggers a rule, ends a sentence, starts an email or a
    /// hashtag, or may be leetspeak is handled in full.
    /// </summary>
    static SeparatorAction[] SeparatorActionsFor(int[] charTriggers)
    {
        var actions = new SeparatorAction[128];
        for (var c = 0; c < 128; c++)
        {
            if (TextFold.ClassOf((char)c) != TextFold.Separator)
                continue;
            actions[c] = (char)c switch
            {
                ' ' => SeparatorAction.None, // the word loop never handled spaces
                _ when charTriggers[c] != 0 => SeparatorAction.Handle,
                '\'' or '\t' => SeparatorAction.None,
                '\n' or '\r' or '.' or '!' or '|' or '?' or '@' or '$' or '*' or '#' or '-' => SeparatorAction.Handle,
                _ => SeparatorAction.Break,
            };
        }

        return actions;
    }
}
