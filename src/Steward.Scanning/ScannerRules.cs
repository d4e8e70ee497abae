using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Steward.Scanning;

/// <summary>One lexicon entry: a word or phrase (folded key) that is obscene or a slur.</summary>
public sealed record LexiconEntry(string Term, FindingCategory Category, Severity Severity);

/// <summary>
/// A sentence-level rule (campaign, commercial, harassment): trigger words make the scanner read the sentence,
/// where small regular expressions decide. The expressions only ever run on sentences with a trigger word.
/// </summary>
public sealed class SentenceRule
{
    public required string RuleId { get; init; }
    public required FindingCategory Category { get; init; }
    public required Severity Severity { get; init; }
    public required string PolicyReference { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<string> Triggers { get; init; }

    /// <summary>
    /// Trigger phrases ("vote yes", "paid for by"), already expanded from the file's <c>(a|b)</c> groups; each is
    /// matched as a sequence of words by the token automaton. Every <c>match:</c> expression must need one of the
    /// triggers or phrases, or the rule misses it: the tests check this on every labeled post.
    /// </summary>
    public required IReadOnlyList<string> Phrases { get; init; }

    /// <summary>Punctuation characters that trigger the rule (e.g. <c>%</c> for "20% off").</summary>
    public required string TriggerChars { get; init; }
    public required IReadOnlyList<Regex> Matches { get; init; }
    public required IReadOnlyList<Regex> Unless { get; init; }

    /// <summary>
    /// Whether any match expression matches and no "unless" expression clears the text. Each expression runs on its own,
    /// with the optimizations .NET derives from it (leading words and sets, anchors): the expressions joined into one
    /// alternation, as this once did, lost them all and took 20 times longer per sentence than all of them one by one.
    /// </summary>
    public bool Applies(ReadOnlySpan<char> text)
    {
        var any = false;
        foreach (var regex in Matches)
        {
            if (regex.IsMatch(text))
            {
                any = true;
                break;
            }
        }

        if (!any)
            return false;
        foreach (var regex in Unless)
        {
            if (regex.IsMatch(text))
                return false;
        }

        return true;
    }
}

/// <summary>
/// Lexicons and rule settings, loaded from the data files in <c>Data/</c> (embedded in the assembly) or from a
/// district's own directory holding files of the same names. Loading compiles the sentence rules, so load once and
/// reuse the instance across roster rebuilds. Immutable and thread-safe.
/// </summary>
public sealed class ScannerRules
{
    static readonly Lazy<ScannerRules> EmbeddedDefault = new(() => Load(null));

    public required IReadOnlyList<LexiconEntry> Lexicon { get; init; }
    public required IReadOnlyList<string> LexiconAllowPhrases { get; init; }
    public required IReadOnlyList<string> ConfidentialTerms { get; init; }
    public required IReadOnlySet<string> CommonNameWords { get; init; }
    public required IReadOnlyList<SentenceRule> SentenceRules { get; init; }
    public required Severity UnknownPhoneSeverity { get; init; }
    public required Severity UnknownEmailSeverity { get; init; }
    public required Severity UnknownAddressSeverity { get; init; }
    public required bool LocalPhoneRequiresCue { get; init; }
    public required int ConfidentialWindow { get; init; }
    public required IReadOnlySet<string> PhoneCueWords { get; init; }
    public required IReadOnlySet<string> EmailCueWords { get; init; }
    public required IReadOnlySet<string> EmailTlds { get; init; }
    public required IReadOnlySet<string> StreetSuffixes { get; init; }

    /// <summary>Streets named without a suffix ("E. Broadway").</summary>
    public required IReadOnlySet<string> SuffixlessStreets { get; init; }

    /// <summary>Words naming a public place; an address right after one ("Houghton Park, 6301 Myrtle Ave.") is a venue.</summary>
    public required IReadOnlySet<string> VenueWords { get; init; }

    /// <summary>
    /// Words after a confidential term that make it a cause or an organisation, not a student's record ("diabetes
    /// awareness walk", "cancer research", "Asthma Foundation").
    /// </summary>
    public required IReadOnlySet<string> ConfidentialCauseWords { get; init; }

    /// <summary>Lexicon words that are also given names ("Coach Dick Anderson"): not reported when used as a name.</summary>
    public required IReadOnlySet<string> NameLikeLexiconWords { get; init; }

    /// <summary>Severity of toll-free numbers (800, 888, …): businesses and hotlines, never a family's home phone.</summary>
    public required Severity TollFreeSeverity { get; init; }

    /// <summary>
    /// For tests: run every sentence rule on every sentence, as if each held a trigger. Scanning with and without
    /// it must give the same findings, which proves the triggers lose nothing.
    /// </summary>
    internal bool ReadEverySentence { get; private set; }

    internal ScannerRules WithEverySentenceRead()
    {
        var copy = (ScannerRules)MemberwiseClone();
        copy.ReadEverySentence = true;
        return copy;
    }

    /// <summary>The rules shipped with the library.</summary>
    public static ScannerRules Default => EmbeddedDefault.Value;

    /// <summary>
    /// Loads rules from <paramref name="directory"/>; any of the data files missing there falls back to the
    /// embedded default, so a district can override only its lexicon, say.
    /// </summary>
    public static ScannerRules LoadFromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Scanner rules directory not found: {directory}");
        return Load(directory);
    }

    static ScannerRules Load(string? directory)
    {
        string Read(string name)
        {
            if (directory is not null)
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                    return File.ReadAllText(path);
            }

            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Steward.Scanning.Data." + name)
                ?? throw new InvalidOperationException($"Embedded scanner data file missing: {name}");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        using var json = JsonDocument.Parse(Read("rules.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = json.RootElement;

        return new ScannerRules
        {
            Lexicon = ParseLexicon(Read("lexicon.tsv")),
            LexiconAllowPhrases = Lines(Read("lexicon-allow.txt")),
            ConfidentialTerms = Lines(Read("confidential-terms.txt")),
            CommonNameWords = Lines(Read("name-common-words.txt")).Select(TextFold.Key).ToHashSet(StringComparer.Ordinal),
            SentenceRules =
            [
                ParseSentenceRule(Read("rules-campaign.txt"), "rules-campaign.txt"),
                ParseSentenceRule(Read("rules-commercial.txt"), "rules-commercial.txt"),
                ParseSentenceRule(Read("rules-harassment.txt"), "rules-harassment.txt"),
            ],
            UnknownPhoneSeverity = SeverityOf(root, "unknownPhoneSeverity", Severity.Block),
            UnknownEmailSeverity = SeverityOf(root, "unknownEmailSeverity", Severity.Block),
            UnknownAddressSeverity = SeverityOf(root, "unknownAddressSeverity", Severity.Block),
            LocalPhoneRequiresCue = !root.TryGetProperty("localPhoneRequiresCue", out var cue) || cue.GetBoolean(),
            ConfidentialWindow = root.TryGetProperty("confidentialWindow", out var w) ? w.GetInt32() : 160,
            PhoneCueWords = Words(root, "phoneCueWords"),
            EmailCueWords = Words(root, "emailCueWords"),
            EmailTlds = Words(root, "emailTlds"),
            StreetSuffixes = Words(root, "streetSuffixes"),
            SuffixlessStreets = Words(root, "suffixlessStreets"),
            VenueWords = Words(root, "venueWords"),
            NameLikeLexiconWords = Words(root, "nameLikeLexiconWords"),
            ConfidentialCauseWords = Words(root, "confidentialCauseWords"),
            TollFreeSeverity = SeverityOf(root, "tollFreeSeverity", Severity.Info),
        };
    }

    static Severity SeverityOf(JsonElement root, string name, Severity fallback) =>
        root.TryGetProperty(name, out var v) ? Enum.Parse<Severity>(v.GetString()!, ignoreCase: true) : fallback;

    static HashSet<string> Words(JsonElement root, string name)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty(name, out var arr))
        {
            foreach (var e in arr.EnumerateArray())
                set.Add(e.GetString()!.Trim().ToLowerInvariant());
        }

        return set;
    }

    static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    static List<LexiconEntry> ParseLexicon(string text)
    {
        var list = new List<LexiconEntry>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cols = line.Split('\t');
            if (cols.Length < 3)
                throw new FormatException($"lexicon.tsv line {lineNo}: expected category<TAB>severity<TAB>term.");
            var category = Enum.Parse<FindingCategory>(cols[0], ignoreCase: true);
            if (category is not (FindingCategory.Obscene or FindingCategory.Harassment))
                throw new FormatException($"lexicon.tsv line {lineNo}: category must be Obscene or Harassment.");
            list.Add(new LexiconEntry(TextFold.Key(cols[2]), category, Enum.Parse<Severity>(cols[1], ignoreCase: true)));
        }

        return list;
    }

    // Compiled backtracking: NonBacktracking was tried and is slower here, because the ".{0,80}" windows of the rule
    // files blow up its DFA (it falls back to NFA simulation and retains tens of MB). The timeout only bounds a
    // pathological district expression; it is wall-clock time. Each expression is run once here, on an empty string,
    // so the JIT compiles its matcher while the rules load, not inside the first post's timeout: with ~150 expressions,
    // the first sentence that read them all on a loaded machine once took more than 10 s of JIT and was reported as
    // "could not be checked" (a 50 ms limit, and then 2 s, had done the same with fewer expressions).
    static Regex Compile(string pattern, RegexOptions options)
    {
        var regex = new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(10));
        regex.IsMatch(string.Empty);
        return regex;
    }

    internal static SentenceRule ParseSentenceRule(string text, string fileName)
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var triggers = new List<string>();
        var phrases = new List<string>();
        var triggerChars = "";
        var matches = new List<Regex>();
        var unless = new List<Regex>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new FormatException($"{fileName} line {lineNo}: expected 'key: value'.");
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            try
            {
                switch (key)
                {
                    case "trigger":
                        triggers.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                        break;
                    case "phrase":
                        phrases.AddRange(ExpandPhrase(value, fileName, lineNo));
                        break;
                    case "trigger-chars":
                        triggerChars += value.Replace(" ", "", StringComparison.Ordinal);
                        break;
                    case "match":
                        matches.Add(Compile(value, RegexOptions.IgnoreCase));
                        break;
                    case "match-cased":
                        matches.Add(Compile(value, RegexOptions.None));
                        break;
                    case "unless":
                        unless.Add(Compile(value, RegexOptions.IgnoreCase));
                        break;
                    default:
                        header[key] = value;
                        break;
                }
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"{fileName} line {lineNo}: {e.Message}", e);
            }
        }

        string Need(string k) => header.TryGetValue(k, out var v) ? v : throw new FormatException($"{fileName}: missing '{k}:'.");
        return new SentenceRule
        {
            RuleId = Need("rule-id"),
            Category = Enum.Parse<FindingCategory>(Need("category"), ignoreCase: true),
            Severity = Enum.Parse<Severity>(Need("severity"), ignoreCase: true),
            PolicyReference = Need("policy"),
            Message = Need("message"),
            Triggers = triggers,
            Phrases = phrases,
            TriggerChars = triggerChars,
            Matches = matches,
            Unless = unless,
        };
    }

    /// <summary>"(kill|hurt) (you|him)" → "kill you", "kill him", "hurt you", "hurt him". Words are separated by spaces.</summary>
    internal static List<string> ExpandPhrase(string value, string fileName, int lineNo)
    {
        var results = new List<string> { "" };
        foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] options;
            if (part.StartsWith('(') && part.EndsWith(')'))
                options = part[1..^1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            else if (part.Contains('(', StringComparison.Ordinal) || part.Contains('|', StringComparison.Ordinal) || part.Contains(')', StringComparison.Ordinal))
                throw new FormatException($"{fileName} line {lineNo}: a phrase group is a whole word like (a|b), without spaces inside.");
            else
                options = [part];
            if (options.Length == 0)
                throw new FormatException($"{fileName} line {lineNo}: empty phrase group.");
            var next = new List<string>(results.Count * options.Length);
            foreach (var r in results)
            {
                foreach (var o in options)
                    next.Add(r.Length == 0 ? o : r + " " + o);
            }

            results = next;
            if (results.Count > 10_000)
                throw new FormatException($"{fileName} line {lineNo}: the phrase expands to more than 10,000 phrases.");
        }

        return results.Count == 1 && results[0].Length == 0
            ? throw new FormatException($"{fileName} line {lineNo}: empty phrase.")
            : results;
    }
}
