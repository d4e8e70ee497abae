using System.Reflection;

namespace Steward.Scanning.Tests;

/// <summary>
/// Assertions shared by the sentence-rule tests (harassment, campaign, commercial): what a finding of each rule must
/// be, and that the trigger words find what reading every sentence finds on a test class's own examples.
/// </summary>
internal static class SentenceRuleAssert
{
    static readonly ScanContext EverySentence = ScanContext.CreateBuilder(ScannerRules.Default.WithEverySentenceRead()).Build();

    static readonly ScanContext Triggered = ScanContext.CreateBuilder(ScannerRules.Default).Build();

    public static void Harassment(string text, string? covered)
    {
        var findings = TestDistrict.Scan(text).Of(FindingCategory.Harassment).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("discipline-7.harassment", f.RuleId));
        Assert.All(findings, f => Assert.Equal(Severity.Block, f.Severity));
        if (covered is not null)
            Assert.Contains(findings, f => f.Covered(text) == covered);
    }

    public static void NoHarassment(string text) => Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Harassment));

    public static void Campaign(string text)
    {
        var findings = TestDistrict.Scan(text).Of(FindingCategory.Campaign).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("booster-6.campaign", f.RuleId));
        Assert.All(findings, f => Assert.Equal(Severity.Block, f.Severity));
    }

    public static void Commercial(string text)
    {
        var result = TestDistrict.Scan(text);

        var findings = result.Of(FindingCategory.Commercial).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("discipline-1.commercial", f.RuleId));
        Assert.All(findings, f => Assert.Equal(Severity.Review, f.Severity));
        Assert.Equal(Verdict.Review, result.Verdict);
    }

    /// <summary>Every text of the <c>[InlineData]</c> rows of <typeparamref name="T"/>'s tests (their first argument).</summary>
    public static TheoryData<string> InlineTexts<T>()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(T).GetMethods())
        {
            foreach (var attribute in method.GetCustomAttributes<InlineDataAttribute>())
                data.Add((string)attribute.GetData(method).Single()[0]);
        }

        return data;
    }

    /// <summary>The findings of <paramref name="categories"/> with triggers are those found reading every sentence.</summary>
    public static void TriggersFindWhatEverySentenceFinds(string text, bool expectFindings, params FindingCategory[] categories)
    {
        var expected = Findings(EverySentence, text, categories);

        if (expectFindings)
            Assert.NotEmpty(expected);
        Assert.Equal(expected, Findings(Triggered, text, categories));
    }

    static string[] Findings(ScanContext ctx, string text, FindingCategory[] categories) =>
    [
        .. ctx.Scan(text).Findings.Where(f => categories.Contains(f.Category))
            .Select(f => $"{f.RuleId}@{f.Start}+{f.Length}").Order(StringComparer.Ordinal),
    ];
}
