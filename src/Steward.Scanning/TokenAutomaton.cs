using System.Runtime.CompilerServices;

namespace Steward.Scanning;

internal enum PatternKind : byte
{
    StudentName,
    Lexicon,
    LexiconAllow,
    Confidential,
    SentenceTrigger,
}

/// <summary>
/// Aho-Corasick over word tokens rather than characters. Every roster name, lexicon phrase and confidential term is
/// a short sequence of folded tokens; the scanner hashes each word of the post once and takes one transition per
/// word. Word boundaries come for free ("Will" never matches inside "Willow"), the automaton has one state per
/// distinct name prefix instead of one per character, and an unknown word resets to the root without a lookup.
/// </summary>
internal sealed class TokenAutomaton
{
    public const int Root = 0;

    /// <summary>An edge of a non-root state: key (state &lt;&lt; 32 | token id) + 1, 0 = empty; one cache line access.</summary>
    internal struct EdgeSlot
    {
        public ulong Key;
        public int Value;
    }

    /// <summary>A pattern's data in one place, so a report touches one cache line.</summary>
    internal struct PatternInfo
    {
        public int Next;          // next pattern at the same state, -1 = none
        public int Payload;
        public byte Length;       // in tokens
        public PatternKind Kind;
    }

    readonly int[] _rootNext;       // token id -> state, 0 = none
    readonly EdgeSlot[] _edges;
    readonly int _edgeShift;
    readonly ulong[] _edgeFilter;   // one bit per hashed (state, token) edge: most steps that fail never probe _edges
    readonly int _edgeFilterShift;
    /// <summary>
    /// What a state reports, in one place: the first pattern ending at the first reporting state of its suffix
    /// chain (inline, so a name's report is one cache line), and the next reporting state on the chain.
    /// </summary>
    internal struct ReportEntry
    {
        public PatternInfo First;
        public int NextState;       // -1 = none
    }

    readonly ulong[] _reports;      // one bit per state: does its suffix chain end any pattern
    readonly int[] _fail;
    readonly ReportEntry[] _reportEntries;
    readonly PatternInfo[] _patterns;

    public int StateCount => _fail.Length;
    public int PatternCount => _patterns.Length;

    const ulong EdgeMul = 0x9E3779B97F4A7C15UL;
    const ulong FilterMul = 0xC2B2AE3D27D4EB4FUL;

    internal TokenAutomaton(int[] rootNext, EdgeSlot[] edges, int edgeShift, ulong[] edgeFilter, int edgeFilterShift,
        int[] fail, int[] reportFrom, int[] reportLink, int[] statePatterns, PatternInfo[] patterns)
    {
        _rootNext = rootNext;
        _edges = edges;
        _edgeShift = edgeShift;
        _edgeFilter = edgeFilter;
        _edgeFilterShift = edgeFilterShift;
        _fail = fail;
        _patterns = patterns;
        _reports = new ulong[(fail.Length + 63) / 64];
        _reportEntries = new ReportEntry[fail.Length];
        for (var st = 0; st < fail.Length; st++)
        {
            var from = reportFrom[st];
            if (from < 0)
                continue;
            _reports[st >> 6] |= 1UL << st;
            _reportEntries[st] = new ReportEntry { First = patterns[statePatterns[from]], NextState = reportLink[from] };
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Step(int state, int token)
    {
        while (state != Root)
        {
            var next = Edge(state, token);
            if (next > 0)
                return next;
            state = _fail[state];
        }

        return (uint)token < (uint)_rootNext.Length ? _rootNext[token] : Root;
    }

    /// <summary>Whether a pattern ends at this state or on its suffix chain (a bit per state: stays in cache).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Reports(int state) => (_reports[state >> 6] & (1UL << state)) != 0;

    /// <summary>The reports of a reporting state (see <see cref="Reports"/>).</summary>
    public ref readonly ReportEntry ReportsOf(int state) => ref _reportEntries[state];

    public ref readonly PatternInfo Pattern(int pattern) => ref _patterns[pattern];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int Edge(int state, int token)
    {
        var key = (((ulong)(uint)state << 32) | (uint)token) + 1;
        var bit = (key * FilterMul) >> _edgeFilterShift;
        if ((_edgeFilter[(int)(bit >> 6)] & (1UL << (int)bit)) == 0)
            return 0;
        return Probe(key);
    }

    int Probe(ulong key)
    {
        var edges = _edges;
        var mask = edges.Length - 1;
        var i = (int)((key * EdgeMul) >> _edgeShift);
        while (true)
        {
            ref readonly var e = ref edges[i];
            if (e.Key == key)
                return e.Value;
            if (e.Key == 0)
                return 0;
            i = (i + 1) & mask;
        }
    }

    /// <summary>Collects patterns as token-id sequences, then computes goto/fail/report links breadth-first.</summary>
    internal sealed class Builder
    {
        // Keyed by (state << 32) | token: ulong's own hash (high ^ low) collides whenever states and token ids grow
        // together, as they do for a roster of distinct names (121,000 names took 30 s to compile), so mix the key.
        readonly Dictionary<ulong, int> _edges = new(MixedKey.Instance);
        readonly List<int> _parent = [0];
        readonly List<int> _parentToken = [-1];
        readonly List<int> _depth = [0];
        readonly List<int> _statePatterns = [-1];
        readonly List<PatternInfo> _patterns = [];

        public int Add(ReadOnlySpan<int> tokens, PatternKind kind, int payload)
        {
            if (tokens.Length is 0 or > byte.MaxValue)
                throw new ArgumentException("A pattern has 1 to 255 tokens.", nameof(tokens));
            var state = Root;
            foreach (var t in tokens)
            {
                var key = ((ulong)(uint)state << 32) | (uint)t;
                if (!_edges.TryGetValue(key, out var next))
                {
                    next = _parent.Count;
                    _parent.Add(state);
                    _parentToken.Add(t);
                    _depth.Add(_depth[state] + 1);
                    _statePatterns.Add(-1);
                    _edges.Add(key, next);
                }

                state = next;
            }

            var id = _patterns.Count;
            _patterns.Add(new PatternInfo { Next = _statePatterns[state], Payload = payload, Length = (byte)tokens.Length, Kind = kind });
            _statePatterns[state] = id;
            return id;
        }

        public TokenAutomaton Build(int tokenCount)
        {
            var n = _parent.Count;
            var rootNext = new int[tokenCount];
            var fail = new int[n];

            // Breadth-first order by a counting sort on depth: a state's fail target is always shallower.
            var maxDepth = 0;
            foreach (var d in _depth)
                maxDepth = Math.Max(maxDepth, d);
            var start = new int[maxDepth + 2];
            foreach (var d in _depth)
                start[d + 1]++;
            for (var d = 1; d < start.Length; d++)
                start[d] += start[d - 1];
            var order = new int[n];
            var fill = (int[])start.Clone();
            for (var s = 0; s < n; s++)
                order[fill[_depth[s]]++] = s;

            for (var s = 1; s < n; s++)
            {
                if (_parent[s] == Root)
                    rootNext[_parentToken[s]] = s;
            }

            for (var k = 1; k < n; k++)
            {
                var s = order[k];
                var p = _parent[s];
                if (p == Root)
                {
                    fail[s] = Root;
                    continue;
                }

                var t = _parentToken[s];
                var f = fail[p];
                while (true)
                {
                    if (f == Root)
                    {
                        var r = rootNext[t];
                        fail[s] = r == s ? Root : r;
                        break;
                    }

                    if (_edges.TryGetValue(((ulong)(uint)f << 32) | (uint)t, out var g))
                    {
                        fail[s] = g;
                        break;
                    }

                    f = fail[f];
                }
            }

            var reportLink = new int[n];
            var reportFrom = new int[n];
            reportLink[Root] = -1;
            reportFrom[Root] = -1;
            for (var k = 1; k < n; k++)
            {
                var s = order[k];
                var f = fail[s];
                reportLink[s] = f == Root ? -1 : (_statePatterns[f] >= 0 ? f : reportLink[f]);
                reportFrom[s] = _statePatterns[s] >= 0 ? s : reportLink[s];
            }

            // Non-root edges into an open-addressing table (load <= 0.5), and a filter of 16 bits per edge in front
            // of it: after a first name, most next words are not a family name and should not touch the table.
            var nonRoot = _edges.Count - CountRootEdges();
            var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, nonRoot) * 2.0)));
            var slots = new EdgeSlot[1 << bits];
            var shift = 64 - bits;
            var mask = slots.Length - 1;
            var filterBits = Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(1, nonRoot) * 16.0)), 12, 26);
            var filter = new ulong[(1 << filterBits) / 64];
            var filterShift = 64 - filterBits;
            foreach (var (edge, child) in _edges)
            {
                if ((edge >> 32) == Root)
                    continue;
                var key = edge + 1;
                var i = (int)((key * EdgeMul) >> shift);
                while (slots[i].Key != 0)
                    i = (i + 1) & mask;
                slots[i] = new EdgeSlot { Key = key, Value = child };
                var bit = (key * FilterMul) >> filterShift;
                filter[(int)(bit >> 6)] |= 1UL << (int)bit;
            }

            return new TokenAutomaton(rootNext, slots, shift, filter, filterShift, fail, reportFrom, reportLink,
                [.. _statePatterns], [.. _patterns]);
        }

        int CountRootEdges()
        {
            var c = 0;
            for (var s = 1; s < _parent.Count; s++)
            {
                if (_parent[s] == Root)
                    c++;
            }

            return c;
        }
    }
}

/// <summary>
/// Maps the 64-bit hash of a folded word to its token id and flags. Most words of a post are not in the vocabulary:
/// a bit filter of 32 bits per token (a few hundred KB at most, so it stays in cache) answers them without touching
/// the table; the table holds key, id and flags in one slot so a hit is one more cache line.
/// </summary>
internal sealed class TokenVocabulary
{
    internal struct Slot
    {
        public ulong Key;
        public int Id;
        public int Flags;
    }

    readonly Slot[] _slots;
    readonly ulong[] _filter;
    readonly int _filterShift;

    public int Count { get; }

    TokenVocabulary(Slot[] slots, ulong[] filter, int filterShift, int count)
    {
        _slots = slots;
        _filter = filter;
        _filterShift = filterShift;
        Count = count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ulong hash)
    {
        var bit = hash >> _filterShift;
        return (_filter[(int)(bit >> 6)] & (1UL << (int)bit)) != 0;
    }

    /// <summary>The slot of <paramref name="hash"/>, or a slot with <c>Id == -1</c>.</summary>
    ref readonly Slot Find(ulong hash)
    {
        if (hash == 0)
            hash = 1;
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = (int)hash & mask;
        while (true)
        {
            ref readonly var s = ref slots[i];
            if (s.Key == hash || s.Key == 0)
                return ref s;
            i = (i + 1) & mask;
        }
    }

    /// <summary>The token id and flags of <paramref name="hash"/>: the filter first, the table only if it passes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFind(ulong hash, out int id, out int flags)
    {
        if (!MayContain(hash))
        {
            (id, flags) = (-1, 0);
            return false;
        }

        ref readonly var slot = ref Find(hash);
        (id, flags) = (slot.Id, slot.Flags);
        return id >= 0;
    }

    public static TokenVocabulary Create(IReadOnlyDictionary<ulong, int> idsByHash, IReadOnlyList<int> flagsById)
    {
        // Load <= 0.5 (the filter answers most misses); the empty slots carry Id = -1.
        var bits = Math.Max(6, (int)Math.Ceiling(Math.Log2(Math.Max(1, idsByHash.Count) * 2.0)));
        var slots = new Slot[1 << bits];
        for (var k = 0; k < slots.Length; k++)
            slots[k].Id = -1;
        var mask = slots.Length - 1;
        var filterBits = Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(1, idsByHash.Count) * 32.0)), 12, 26);
        var filter = new ulong[(1 << filterBits) / 64];
        var filterShift = 64 - filterBits;
        foreach (var (hash, id) in idsByHash)
        {
            var h = hash == 0 ? 1 : hash;
            var i = (int)h & mask;
            while (slots[i].Key != 0)
                i = (i + 1) & mask;
            slots[i] = new Slot { Key = h, Id = id, Flags = flagsById[id] };
            var bit = hash >> filterShift;
            filter[(int)(bit >> 6)] |= 1UL << (int)bit;
        }

        return new TokenVocabulary(slots, filter, filterShift, idsByHash.Count);
    }
}

/// <summary>An equality comparer for packed 64-bit keys whose halves are small counters: a Fibonacci-hashing mix.</summary>
internal sealed class MixedKey : IEqualityComparer<ulong>
{
    public static readonly MixedKey Instance = new();

    public bool Equals(ulong x, ulong y) => x == y;

    public int GetHashCode(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32);
}
