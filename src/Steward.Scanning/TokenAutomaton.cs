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

    readonly int[] _rootNext;       // token id -> state, 0 = none
    readonly ulong[] _edgeKeys;     // (state << 32 | token id) + 1, 0 = empty
    readonly int[] _edgeValues;
    readonly int _edgeShift;
    readonly int[] _fail;
    readonly int[] _reportFrom;     // first state on the suffix chain that has patterns, -1 = none
    readonly int[] _statePatterns;  // first pattern ending at this state, -1 = none
    readonly int[] _patternNext;    // next pattern at the same state, -1 = none
    readonly byte[] _patternLength; // in tokens
    readonly PatternKind[] _patternKind;
    readonly int[] _patternPayload;
    readonly int[] _reportLink;     // next state with patterns on the suffix chain

    public int StateCount => _fail.Length;
    public int PatternCount => _patternKind.Length;

    internal TokenAutomaton(int[] rootNext, ulong[] edgeKeys, int[] edgeValues, int edgeShift, int[] fail,
        int[] reportFrom, int[] reportLink, int[] statePatterns, int[] patternNext, byte[] patternLength,
        PatternKind[] patternKind, int[] patternPayload)
    {
        _rootNext = rootNext;
        _edgeKeys = edgeKeys;
        _edgeValues = edgeValues;
        _edgeShift = edgeShift;
        _fail = fail;
        _reportFrom = reportFrom;
        _reportLink = reportLink;
        _statePatterns = statePatterns;
        _patternNext = patternNext;
        _patternLength = patternLength;
        _patternKind = patternKind;
        _patternPayload = patternPayload;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReportFrom(int state) => _reportFrom[state];

    public int ReportLink(int state) => _reportLink[state];
    public int FirstPattern(int state) => _statePatterns[state];
    public int NextPattern(int pattern) => _patternNext[pattern];
    public int PatternLength(int pattern) => _patternLength[pattern];
    public PatternKind Kind(int pattern) => _patternKind[pattern];
    public int Payload(int pattern) => _patternPayload[pattern];

    int Edge(int state, int token)
    {
        var key = (((ulong)(uint)state << 32) | (uint)token) + 1;
        var mask = _edgeKeys.Length - 1;
        var i = (int)((key * 0x9E3779B97F4A7C15UL) >> _edgeShift);
        while (true)
        {
            var k = _edgeKeys[i];
            if (k == key)
                return _edgeValues[i];
            if (k == 0)
                return 0;
            i = (i + 1) & mask;
        }
    }

    /// <summary>Collects patterns as token-id sequences, then computes goto/fail/report links breadth-first.</summary>
    internal sealed class Builder
    {
        readonly Dictionary<ulong, int> _edges = [];
        readonly List<int> _parent = [0];
        readonly List<int> _parentToken = [-1];
        readonly List<int> _depth = [0];
        readonly List<int> _statePatterns = [-1];
        readonly List<int> _patternNext = [];
        readonly List<byte> _patternLength = [];
        readonly List<PatternKind> _patternKind = [];
        readonly List<int> _patternPayload = [];
        readonly List<int> _patternState = [];

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

            var id = _patternKind.Count;
            _patternKind.Add(kind);
            _patternPayload.Add(payload);
            _patternLength.Add((byte)tokens.Length);
            _patternNext.Add(_statePatterns[state]);
            _patternState.Add(state);
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

            // Non-root edges into an open-addressing table (load <= 0.5).
            var nonRoot = _edges.Count - CountRootEdges();
            var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, nonRoot) * 2.0)));
            var keys = new ulong[1 << bits];
            var values = new int[1 << bits];
            var shift = 64 - bits;
            var mask = keys.Length - 1;
            foreach (var (edge, child) in _edges)
            {
                if ((edge >> 32) == Root)
                    continue;
                var key = edge + 1;
                var i = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
                while (keys[i] != 0)
                    i = (i + 1) & mask;
                keys[i] = key;
                values[i] = child;
            }

            return new TokenAutomaton(rootNext, keys, values, shift, fail, reportFrom, reportLink,
                [.. _statePatterns], [.. _patternNext], [.. _patternLength], [.. _patternKind], [.. _patternPayload]);
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

/// <summary>Maps the 64-bit hash of a folded word to its token id; an open-addressing table sized for one probe.</summary>
internal sealed class TokenVocabulary
{
    readonly ulong[] _keys;
    readonly int[] _ids;
    readonly int _shift;

    public int Count { get; }

    TokenVocabulary(ulong[] keys, int[] ids, int shift, int count)
    {
        _keys = keys;
        _ids = ids;
        _shift = shift;
        Count = count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong hash)
    {
        if (hash == 0)
            hash = 1;
        var mask = _keys.Length - 1;
        var i = (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var k = _keys[i];
            if (k == hash)
                return _ids[i];
            if (k == 0)
                return -1;
            i = (i + 1) & mask;
        }
    }

    public static TokenVocabulary Create(IReadOnlyDictionary<ulong, int> idsByHash)
    {
        // Load <= 0.25: most words of a post are not in the vocabulary and a miss should end at the first slot.
        var bits = Math.Max(6, (int)Math.Ceiling(Math.Log2(Math.Max(1, idsByHash.Count) * 4.0)));
        var keys = new ulong[1 << bits];
        var ids = new int[1 << bits];
        var shift = 64 - bits;
        var mask = keys.Length - 1;
        foreach (var (hash, id) in idsByHash)
        {
            var h = hash == 0 ? 1 : hash;
            var i = (int)((h * 0x9E3779B97F4A7C15UL) >> shift);
            while (keys[i] != 0)
                i = (i + 1) & mask;
            keys[i] = h;
            ids[i] = id;
        }

        return new TokenVocabulary(keys, ids, shift, idsByHash.Count);
    }
}
