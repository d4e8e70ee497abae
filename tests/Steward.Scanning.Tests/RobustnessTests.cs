namespace Steward.Scanning.Tests;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\r\n  ")]
    public void Scan_NullEmptyOrWhitespaceText_PassesWithNoFindings(string? text)
    {
        var result = TestDistrict.Scan(text!);

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Scan_LoneSurrogatesAroundAPhone_FindsThePhoneWithoutThrowing()
    {
        var text = "\uD800 Call (562) 555-0134 \uDC00\uDC00 Ana García \uD83D";

        var result = TestDistrict.Scan(text);

        Assert.Contains(result.Findings, f => f.RuleId == PolicyRules.Phone && f.Covered(text) == "(562) 555-0134");
        Assert.Contains(result.Findings, f => f.Covered(text) == "Ana García");
    }

    [Fact]
    public void Scan_EmojiAndCombiningMarks_AreHandled()
    {
        var text = "🎉 Congrats Jose\u0301 Nu\u0303n\u0303ez! 🏆";

        var result = TestDistrict.Scan(text);

        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public void Scan_VeryLongText_FindsWhatIsAtTheEnd()
    {
        var text = string.Concat(Enumerable.Repeat("The band played well at the concert tonight. ", 50_000)) + "Call 562-555-0134.";

        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(text.Length - "562-555-0134.".Length, finding.Start);
    }

    [Fact]
    public void Scan_PathologicalPunctuationAndDigits_DoesNotThrow()
    {
        var text = new string('(', 5000) + new string('1', 5000) + "@@@@" + new string('*', 300) + "$$$" + "a@b@c." + "+1+1+1" + "#";

        var result = TestDistrict.Scan(text);

        Assert.NotNull(result);
    }

    [Fact]
    public void Scan_NullEntriesInLists_AreIgnored()
    {
        var post = new Post { Text = "Hello", ImageSubjects = [null!, new ImageSubject()], ThirdPartyMaterial = [null!] };

        Assert.Equal(Verdict.Pass, TestDistrict.Scan(post).Verdict);
    }

    [Fact]
    public async Task Scan_FromManyThreadsAtOnce_GivesTheSameResults()
    {
        const string text = "Ana García called 562-555-0134 about the f*cking vote yes on Measure K.";
        var expected = TestDistrict.Scan(text).Findings.Select(f => (f.RuleId, f.Start, f.Length)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 500).Select(_ => TestDistrict.Scan(text).Findings.Select(f => (f.RuleId, f.Start, f.Length)).ToList()).ToList())));

        foreach (var batch in results)
        {
            foreach (var r in batch)
                Assert.Equal(expected, r);
        }
    }

    [Fact]
    public void Verdict_IsTheMostSevereFinding()
    {
        var result = TestDistrict.Scan("Ben Lee says: use promo code BRUINS for 10% off. Call 562-555-0134.");

        Assert.Equal(Verdict.Block, result.Verdict);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Info);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Review);
    }

    [Fact]
    public void Scan_InfoOnlyFindings_Pass()
    {
        Assert.Equal(Verdict.Pass, TestDistrict.Scan("Ben Lee scored!").Verdict);
    }
}
