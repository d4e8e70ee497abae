using System.Diagnostics.CodeAnalysis;

namespace Steward.Scanning;

/// <summary>Where a known phone number or address comes from, which decides its finding.</summary>
internal enum ContactOwnerKind : byte
{
    SitePublic,
    Staff,
    Official,
    OfficialWithPermission,
}

internal readonly record struct KnownContact(ContactOwnerKind Kind, string Owner);

/// <summary>What the students sharing one name spelling have in common, compiled into one byte.</summary>
[Flags]
internal enum NameInfo
{
    None = 0,
    AnyOptOut = 1,
    AnyLacksConsent = 2,
    HasCommonWord = 4,
}

[Flags]
internal enum TokenFlags
{
    None = 0,
    StreetSuffix = 1,
    PhoneCue = 2,
    EmailCue = 4,
    At = 8,
    Box = 16,
    MilitaryPost = 32,
    DigitWord = 64,
    FirstSentenceRule = 256,
}

/// <summary>
/// Everything the scanner knows about one district, compiled for speed: the roster (names, consents, opt-outs,
/// ids), allow-listed public contacts, staff and officials' home contacts, lexicons and rule settings.
/// Immutable and thread-safe: build a new one when the roster changes and swap the reference; scans in progress
/// keep the one they started with.
/// </summary>
public sealed class ScanContext
{
    internal ScanContext(ContextData data) => Data = data;

    internal ContextData Data { get; }

    /// <summary>Number of roster students compiled into this context.</summary>
    public int StudentCount => Data.Students.Length;

    /// <summary>Number of distinct name spellings (first+last, preferred+last) the automaton searches for.</summary>
    public int NamePatternCount => Data.NameKeys.Length;

    public static ScanContextBuilder CreateBuilder(ScannerRules? rules = null) => new(rules ?? ScannerRules.Default);

    /// <summary>A context with no roster and no contacts: only the lexicon and generic rules apply.</summary>
    [SuppressMessage("Design", "CA1024", Justification = "Builds a new context each call.")]
    public static ScanContext Empty(ScannerRules? rules = null) => CreateBuilder(rules).Build();

    public ScanResult Scan(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return ScanRun.Rent(Data).Run(post);
    }

    public ScanResult Scan(string? text) => Scan(new Post { Text = text });
}

/// <summary>The compiled tables behind a <see cref="ScanContext"/>.</summary>
internal sealed class ContextData
{
    internal required ScannerRules Rules { get; init; }
    internal required TokenVocabulary Vocabulary { get; init; }
    internal required TokenAutomaton Automaton { get; init; }
    internal required RosterStudent[] Students { get; init; }
    internal required int[] NameStudentStart { get; init; }
    internal required int[] NameStudents { get; init; }
    internal required string[] NameKeys { get; init; }
    internal required byte[] NameInfoBySpelling { get; init; }
    internal required Dictionary<string, int> NameIndexByKey { get; init; }
    internal required Dictionary<string, int> StudentIndexById { get; init; }
    internal required HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StudentIdLookup { get; init; }
    internal required int MinStudentIdLength { get; init; }
    internal required int MaxStudentIdLength { get; init; }
    internal required LexiconEntry[] LexiconEntries { get; init; }
    internal required Dictionary<string, LexiconEntry> SingleWordLexicon { get; init; }
    internal required Dictionary<int, List<LexiconEntry>> SingleWordLexiconByLength { get; init; }
    internal required Dictionary<long, KnownContact> KnownPhones { get; init; }
    internal required Dictionary<string, KnownContact> KnownAddresses { get; init; }
    internal required Dictionary<string, string> SiteEmails { get; init; }
    internal required HashSet<string> AllowedEmailDomains { get; init; }
    internal required string[] HashtagPrefixes { get; init; }
    internal required int[] HashtagPrefixRule { get; init; }

    /// <summary>For each hashtag trigger, true when it may be anywhere after the tag's first letter ("#*formayor*"
    /// for "#VoteLiuForMayor"), not only at its start ("#yeson*").</summary>
    internal required bool[] HashtagPrefixAnywhere { get; init; }

    /// <summary>For each ASCII punctuation character, a bit per sentence rule it triggers ("%" for "20% off").</summary>
    internal required int[] CharTriggers { get; init; }

    /// <summary>What the scan does at each ASCII separator; see <see cref="SeparatorAction"/>.</summary>
    internal required SeparatorAction[] SeparatorActions { get; init; }
}

/// <summary>What a separator character asks of the scan's word loop.</summary>
internal enum SeparatorAction : byte
{
    /// <summary>Nothing: a space, or an apostrophe or hyphen that phrases run across ("O'Brien", "Garcia-Lopez").</summary>
    None,

    /// <summary>It only breaks phrases (a comma, a colon).</summary>
    Break,

    /// <summary>Full handling: sentence ends, "@", leetspeak characters, hashtags, characters that trigger rules.</summary>
    Handle,
}
