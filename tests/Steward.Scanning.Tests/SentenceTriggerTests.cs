using Steward.Scanning.Tests.Evaluation;

namespace Steward.Scanning.Tests;

/// <summary>
/// Sentence rules run only on sentences holding a trigger word or phrase. These tests prove the triggers lose
/// nothing: scanning every labeled post with the triggers and with every sentence read must give the same
/// campaign, commercial and harassment findings.
/// </summary>
public sealed class SentenceTriggerTests
{
    static readonly ScanContext Triggered = SchoolPostsEvaluationTests.EvalContext();

    static readonly ScanContext EverySentence = ScanContext.CreateBuilder(ScannerRules.Default.WithEverySentenceRead())
        .AddStudents(EvalData.ReadRoster(Path.Combine(AppContext.BaseDirectory, "Eval", "roster.csv")))
        .Build();

    static readonly HashSet<string> SentenceRuleIds = [.. ScannerRules.Default.SentenceRules.Select(r => r.RuleId)];

    static List<string> SentenceFindings(ScanContext ctx, string text) =>
    [
        .. ctx.Scan(text).Findings.Where(f => SentenceRuleIds.Contains(f.RuleId))
            .Select(f => $"{f.RuleId}@{f.Start}+{f.Length}").Order(StringComparer.Ordinal),
    ];

    static int CompareOn(IEnumerable<string> texts)
    {
        var withFindings = 0;
        foreach (var text in texts)
        {
            var expected = SentenceFindings(EverySentence, text);
            var actual = SentenceFindings(Triggered, text);
            Assert.True(expected.SequenceEqual(actual),
                $"Triggers missed a sentence rule finding.\nPost: {text}\nEvery sentence read: {string.Join(", ", expected)}\nWith triggers: {string.Join(", ", actual)}");
            if (expected.Count > 0)
                withFindings++;
        }

        return withFindings;
    }

    [Theory]
    [InlineData("posts.jsonl")]
    [InlineData("posts-heldout.jsonl")]
    [InlineData("posts-heldout2.jsonl")]
    [InlineData("posts-heldout3.jsonl")]
    [InlineData("posts-heldout4.jsonl")]
    [InlineData("posts-heldout5.jsonl")]
    [InlineData("posts-heldout6.jsonl")]
    [InlineData("posts-heldout7.jsonl")]
    [InlineData("posts-heldout8.jsonl")]
    public void LabeledSchoolPosts_TriggersFindEverythingEverySentenceReadingFinds(string file)
    {
        var texts = EvalData.ReadJsonl(Path.Combine(AppContext.BaseDirectory, "Eval", file)).Select(d => d.Text).ToList();

        var withFindings = CompareOn(texts);

        // The sets are written to exercise these rules: a comparison over posts without any finding proves nothing.
        // (At least 10 posts, or one in ten for the small held-out sets.)
        Assert.True(withFindings >= Math.Min(10, texts.Count / 10), $"only {withFindings} of {texts.Count} posts in {file} have a sentence-rule finding");
    }

    [Fact]
    public void DavidsonTweets_TriggersFindEverythingEverySentenceReadingFinds()
    {
        var dir = EvalData.SharedEval();
        if (dir is null)
            return; // The peers' data lives beside the repository; the labeled school posts above always run.
        var texts = EvalData.ReadJsonl(Path.Combine(dir, "external", "davidson_offensive.jsonl")).Select(d => d.Text).ToList();

        var withFindings = CompareOn(texts);

        Assert.True(withFindings >= 100, $"only {withFindings} tweets have a sentence-rule finding");
    }

    [Fact]
    public void RuleUnitExamples_TriggersFindEverythingEverySentenceReadingFinds()
    {
        string[] texts =
        [
            "Please vote yes on Measure K this November!", "Yes on Prop 5.", "Re-elect Trustee Diaz", "Elect Maria Lopez for Board",
            "vote for Sam Lee for School Board", "Vote Democrat in November", "Help pass the bond measure", "We endorse Jane Doe for city council.",
            "Paid for by the Committee to Elect Jones for Board", "#YesOnK", "# yes on K!", "Use promo code BRUINS5 for 20% off spirit wear.",
            "Get 15 percent off today", "BOGO hoodies", "Buy one, get one free", "Order yours now, $25 each", "For sale: $40 tickets",
            "Venmo @bruins", "cash app $bruins", "Find it on Amazon", "amzn.to/abc", "Facebook Marketplace listing", "I'm gonna kill you",
            "we will beat them up", "go back to your country", "kill urself", "kys", "you're dead", "u r gonna die", "watch your back",
            "they'll blow up the school", "bringing a knife to school", "you are so stupid", "shut up, you", "I hate you",
            "Our class is on sale now for $5", "limited time offer $10", "free shipping on $20 orders", "$5 per item, while supplies last",
        ];

        Assert.True(CompareOn(texts) >= 30);
    }

    [Theory]
    [InlineData("vote yes", new[] { "vote yes" })]
    [InlineData("(vote|voting) (yes|no)", new[] { "vote yes", "vote no", "voting yes", "voting no" })]
    [InlineData("paid for by", new[] { "paid for by" })]
    public void ExpandPhrase_ExpandsGroups(string value, string[] expected)
    {
        Assert.Equal(expected, ScannerRules.ExpandPhrase(value, "rules.txt", 1));
    }

    [Theory]
    [InlineData("(vote |yes)")]
    [InlineData("vote|yes")]
    [InlineData("()")]
    [InlineData("   ")]
    public void ExpandPhrase_BadSyntax_ThrowsWithFileAndLine(string value)
    {
        var e = Assert.Throws<FormatException>(() => ScannerRules.ExpandPhrase(value, "rules-x.txt", 7));
        Assert.Contains("rules-x.txt line 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistrictRuleFile_PhraseAndCharacterTriggers_DecideWhichSentencesAreRead()
    {
        var dir = Directory.CreateTempSubdirectory("steward-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "rules-commercial.txt"), """
                rule-id: district.raffle
                category: Commercial
                severity: Review
                policy: Discipline §1
                message: Raffles need the principal's approval.
                phrase: raffle (tickets|ticket)
                trigger-chars: ~
                match: \braffle\s+tickets?\b
                match: ~~prize~~
                """);
            var ctx = ScanContext.CreateBuilder(ScannerRules.LoadFromDirectory(dir.FullName)).Build();

            Assert.Contains(ctx.Scan("Raffle tickets at lunch.").Findings, f => f.RuleId == "district.raffle");
            Assert.Contains(ctx.Scan("Win the ~~prize~~ today.").Findings, f => f.RuleId == "district.raffle");
            // "raffle" alone is not a trigger, and no expression matches it either.
            Assert.DoesNotContain(ctx.Scan("The raffle was fun.").Findings, f => f.RuleId == "district.raffle");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
