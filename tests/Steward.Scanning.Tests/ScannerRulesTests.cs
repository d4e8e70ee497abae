namespace Steward.Scanning.Tests;

public sealed class ScannerRulesTests
{
    [Fact]
    public void Default_LoadsEmbeddedLexiconAndRules()
    {
        var rules = ScannerRules.Default;

        Assert.True(rules.Lexicon.Count > 1000);
        Assert.Equal(3, rules.SentenceRules.Count);
        Assert.Contains("will", rules.CommonNameWords);
    }

    [Fact]
    public void LoadFromDirectory_OverridesOnlyTheFilesPresent()
    {
        var dir = Directory.CreateTempSubdirectory("steward-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "lexicon.tsv"), "# district list\nObscene\tBlock\tfrobnicate\n");
            var rules = ScannerRules.LoadFromDirectory(dir.FullName);
            var ctx = ScanContext.CreateBuilder(rules).Build();

            Assert.Single(rules.Lexicon);
            Assert.Equal(Verdict.Block, ctx.Scan("Do not frobnicate the robot.").Verdict);
            Assert.Equal(Verdict.Pass, ctx.Scan("What the fuck").Verdict);
            Assert.Equal(Verdict.Block, ctx.Scan("Call 562-555-0134").Verdict);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFromDirectory_BadLexiconLine_ThrowsFormatExceptionWithLineNumber()
    {
        var dir = Directory.CreateTempSubdirectory("steward-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "lexicon.tsv"), "Obscene\tBlock\tok\nnot a valid line\n");

            var e = Assert.Throws<FormatException>(() => ScannerRules.LoadFromDirectory(dir.FullName));
            Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFromDirectory_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ScannerRules.LoadFromDirectory("/nonexistent/steward"));
    }

    [Fact]
    public void Build_HundredThousandStudents_CompilesQuickly()
    {
        var students = Enumerable.Range(0, 100_000).Select(i => TestDistrict.Student(
            (20_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "First" + (i % 997), "Last" + i)).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ctx = ScanContext.CreateBuilder().AddStudents(students).Build();

        watch.Stop();
        Assert.Equal(100_000, ctx.StudentCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"compile took {watch.Elapsed}");
        Assert.Equal(Severity.Info, Assert.Single(ctx.Scan("Go First5 Last5!").Findings).Severity);
    }
}
