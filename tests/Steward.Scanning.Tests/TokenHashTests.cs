namespace Steward.Scanning.Tests;

/// <summary>
/// The scanner hashes ASCII words straight from the post (OR-ing 0x20, four units per multiply) and everything else
/// after folding; the compiler hashes folded vocabulary tokens. The two must agree or names go unfound.
/// </summary>
public sealed class TokenHashTests
{
    [Fact]
    public void HashAsciiWord_EqualsHashOfTheFoldedWord_ForEveryLengthAndCase()
    {
        var rng = new Random(7);
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (var length = 1; length <= 40; length++)
        {
            for (var trial = 0; trial < 50; trial++)
            {
                var word = new string([.. Enumerable.Range(0, length).Select(_ => chars[rng.Next(chars.Length)])]);
                // Text after the word (read but masked off): a space and more letters.
                var text = word + " Zq9" + new string('x', 8);
                var folded = string.Concat(word.Select(TextFold.Fold));

                var fromPost = TextFold.HashAsciiWord(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text.AsSpan()), length);

                Assert.Equal(TextFold.Hash(folded), fromPost);
            }
        }
    }

    [Fact]
    public void Hash_DiffersForWordsThatShareTheirFirstFourLettersOrDifferOnlyInLength()
    {
        string[] words = ["garc", "garcia", "garcias", "gar", "garcía", "a", "aa", "aaaa", "aaaaaaaa", "aaaaaaaaa"];
        var hashes = words.Select(w => TextFold.Hash(string.Concat(w.Select(TextFold.Fold)))).ToList();

        Assert.Equal(words.Length - 1, hashes.Distinct().Count()); // "garcía" folds to "garcia"
        Assert.Equal(TextFold.Hash("garcia"), TextFold.Hash(string.Concat("GARCÍA".Select(TextFold.Fold))));
    }

    [Theory]
    [InlineData("Congrats to JOSÉ NÚÑEZ on a great season!", "JOSÉ NÚÑEZ")]
    [InlineData("Congrats to jose nunez on a great season!", "jose nunez")]
    [InlineData("Congrats to José Núñez", "José Núñez")]
    [InlineData("Ana García", "Ana García")]
    public void Scan_NamesAtTheEndOfTheTextOrWithAccents_AreFoundWhicheverHashPathTheyTake(string text, string name)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.StudentName));

        Assert.Equal(name, finding.Covered(text));
    }

    [Fact]
    public void AutomatonEdgeKeys_WhereStateAndTokenGrowTogether_SpreadOverManyHashCodes()
    {
        // A roster of all-different names adds state k with token k: ulong's own hash (high ^ low) is 0 for every
        // such key, which made a 121,000-name roster take 30 s to compile.
        var codes = new HashSet<int>();
        for (uint k = 1; k <= 100_000; k++)
            codes.Add(MixedKey.Instance.GetHashCode(((ulong)k << 32) | k));

        Assert.True(codes.Count > 99_000, $"{codes.Count} distinct hash codes for 100,000 keys");
        Assert.Single(Enumerable.Range(1, 1000).Select(k => (((ulong)k << 32) | (uint)k).GetHashCode()).Distinct());
    }

    [Fact]
    public void Compile_RosterOfAllDifferentNames_FindsTheFirstAndTheLastStudent()
    {
        var roster = Enumerable.Range(0, 20_000).Select(k => new RosterStudent
        {
            StudentId = (30_000_000 + k).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FirstName = "Firstname" + k,
            LastName = "Lastname" + k,
        }).ToList();
        var context = ScanContext.CreateBuilder().AddStudents(roster).Build();

        const string text = "Firstname0 Lastname0 and Firstname19999 Lastname19999 led the team; Firstname5 Lastname6 did not.";
        var result = context.Scan(text);

        Assert.Equal(["Firstname0 Lastname0", "Firstname19999 Lastname19999"],
            result.Findings.Where(f => f.Category == FindingCategory.StudentName).Select(f => text.Substring(f.Start, f.Length)));
    }
}
