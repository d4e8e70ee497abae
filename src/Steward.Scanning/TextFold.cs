using System.Globalization;
using System.Runtime.CompilerServices;
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

    public const ulong HashSeed = 14695981039346656037UL;
    public const ulong HashPrime = 1099511628211UL;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong h, char folded) => (h ^ folded) * HashPrime;

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

    public static ulong Hash(ReadOnlySpan<char> foldedToken)
    {
        var h = HashSeed;
        foreach (var c in foldedToken)
            h = Step(h, c);
        return h;
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
