using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Steward.Scanning;

/// <summary>
/// Character classes and case/diacritic folding shared by the compiler and the scanner, so that a roster name and
/// the same name in a post always fold to the same token hashes ("José" = "jose" = "JOSE").
/// </summary>
internal static class TextFold
{
    public const byte Separator = 0;
    public const byte Letter = 1;
    public const byte Digit = 2;

    const ulong HashSeed = 0x243F6A8885A308D3UL;
    const ulong HashK1 = 0x9E3779B97F4A7C15UL;
    const ulong HashK2 = 0xBF58476D1CE4E5B9UL;

    /// <summary>The 0x20 bit in each of four UTF-16 units: ASCII letters OR'ed with it are lower case, digits unchanged.</summary>
    const ulong LowerAscii = 0x0020_0020_0020_0020UL;

    /// <summary>Folded form of every UTF-16 code unit; 0 for separators (including lone surrogates).</summary>
    static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Class of every code unit; a 64 KB table is cheaper than char.IsLetter on the hot path.</summary>
    static readonly byte[] ClassTable = BuildClassTable();

    public static ReadOnlySpan<byte> Classes => ClassTable;
    public static ReadOnlySpan<char> Folds => FoldTable;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ClassOf(char c) => ClassTable[c];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => FoldTable[c];

    /// <summary>Multiplies to 128 bits and folds the halves: one multiply mixes four characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Mix(ulong a, ulong b)
    {
        var hi = Math.BigMul(a, b, out var lo);
        return hi ^ lo;
    }

    /// <summary>
    /// The hash of a folded token, four UTF-16 units per multiply. 64 bits: the compiler refuses a vocabulary with
    /// two tokens of one hash, and a word of a post that is not in the vocabulary shares a hash with one of its
    /// (say) 30,000 tokens with probability about 30,000 / 2^64 ≈ 2·10^-15, so the scanner trusts a hit.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<char> foldedToken)
    {
        var h = HashSeed;
        var n = foldedToken.Length;
        ref var first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(foldedToken));
        var i = 0;
        for (; i + 4 <= n; i += 4)
            h = Mix(h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i * 2)), HashK1);
        if (i < n)
        {
            ulong last = 0;
            for (var k = 0; i + k < n; k++)
                last |= (ulong)foldedToken[i + k] << (16 * k);
            h = Mix(h ^ last, HashK1);
        }

        return Mix(h ^ (ulong)n, HashK2);
    }

    /// <summary>
    /// <see cref="Hash"/> of the folded form of an ASCII word (letters and digits only) read straight from the post:
    /// folding ASCII is OR-ing 0x20. Reads whole 4-unit blocks, so the caller guarantees
    /// <c>start + RoundUp4(length) &lt;= text.Length</c>; the characters past the word are masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashAsciiWord(ref char start, int length)
    {
        var h = HashSeed;
        ref var p = ref Unsafe.As<char, byte>(ref start);
        var i = 0;
        for (; i + 4 <= length; i += 4)
            h = Mix(h ^ (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i * 2)) | LowerAscii), HashK1);
        var rest = length - i;
        if (rest > 0)
        {
            var last = (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i * 2)) | LowerAscii) & (ulong.MaxValue >> (64 - (16 * rest)));
            h = Mix(h ^ last, HashK1);
        }

        return Mix(h ^ (ulong)length, HashK2);
    }

    public static bool IsWordChar(char c) => ClassTable[c] != Separator;

    /// <summary>Splits text into folded word tokens exactly as the scanner does (letters/digits; anything else separates).</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            var f = FoldTable[c];
            if (f != 0)
            {
                sb.Append(f);
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
            tokens.Add(sb.ToString());
        return tokens;
    }

    /// <summary>Folds a string to "tok tok tok" (single spaces), the canonical key of names and phrases.</summary>
    public static string Key(string text) => string.Join(' ', Tokens(text));

    static char[] BuildFoldTable()
    {
        var table = new char[65536];
        for (var i = 0; i < 128; i++)
        {
            var c = (char)i;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                table[i] = c;
            else if (c is >= 'A' and <= 'Z')
                table[i] = (char)(c | 0x20);
        }

        for (var i = 128; i < 65536; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || !char.IsLetterOrDigit(c))
                continue;
            table[i] = FoldNonAscii(c);
        }

        return table;
    }

    static char FoldNonAscii(char c)
    {
        // Letters without a decomposition that people still type plainly in names.
        switch (c)
        {
            case 'ø' or 'Ø': return 'o';
            case 'đ' or 'Đ': return 'd';
            case 'ł' or 'Ł': return 'l';
            case 'ß': return 's';
            case 'æ' or 'Æ': return 'a';
            case 'œ' or 'Œ': return 'o';
            case 'ı': return 'i';
        }

        var lower = char.ToLowerInvariant(c);
        if (lower < 0x0250 || (lower >= 0x1E00 && lower < 0x1F00))
        {
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 0 && decomposed[0] < 0x0250 && char.IsLetter(decomposed[0]))
                return decomposed[0];
        }

        return lower;
    }

    static byte[] BuildClassTable()
    {
        var table = new byte[65536];
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            if (FoldTable[i] == 0)
                continue;
            table[i] = c is >= '0' and <= '9' ? Digit : Letter;
        }

        return table;
    }

    public static bool IsUpper(char c) => c is >= 'A' and <= 'Z' || (c >= 128 && char.IsUpper(c));

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static CompareInfo Invariant => CultureInfo.InvariantCulture.CompareInfo;
}
