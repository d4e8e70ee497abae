using System.Text;
using Xunit.Abstractions;

namespace Steward.Scanning.Tests.Evaluation;

/// <summary>
/// The project's own labeled set of realistic school posts (Eval/posts.jsonl, written from Eval/posts.src.txt).
/// Prints precision and recall per category and fails below the issue's bars.
/// </summary>
[Trait("Category", "Eval")]
public sealed class SchoolPostsEvaluationTests(ITestOutputHelper output)
{
    static readonly string[] Categories = ["ContactInfo", "StudentName", "Campaign", "Obscene", "Harassment", "Commercial", "Confidential"];

    internal static ScanContext EvalContext() => ScanContext.CreateBuilder()
        .AddStudents(EvalData.ReadRoster(Path.Combine(AppContext.BaseDirectory, "Eval", "roster.csv")))
        .AddSite(new SitePublicContacts
        {
            SiteCode = "WHS",
            Phones = ["(562) 555-0100"],
            Emails = ["office@wilsonhs.lbusd.org"],
            Addresses = ["4400 E. 10th St., Long Beach, CA 90804"],
        })
        .AllowEmailDomain("lbusd.org")
        .Build();

    /// <summary>Which findings count as a prediction of each labeled category.</summary>
    internal static bool Predicts(Finding f, string label) => label switch
    {
        // A contact detail is "found" when the scanner stops or flags it; Info (allow-listed) is not a prediction.
        "ContactInfo" => f.Category is FindingCategory.ContactInfo or FindingCategory.StaffHomeContact && f.Severity >= Severity.Review,
        "StudentName" => f.Category is FindingCategory.StudentName or FindingCategory.PhotoConsent,
        _ => f.Category.ToString() == label,
    };

    [Fact]
    public void SchoolPosts_PrecisionAndRecallPerCategory_MeetTheBars()
    {
        var ctx = EvalContext();
        var docs = EvalData.ReadJsonl(Path.Combine(AppContext.BaseDirectory, "Eval", "posts.jsonl")).ToList();
        var scores = Categories.ToDictionary(c => c, _ => new Score());
        var misses = new StringBuilder();
        foreach (var doc in docs)
        {
            var result = ctx.Scan(doc.Text);
            foreach (var cat in Categories)
            {
                var gold = doc.Spans.Where(s => s.Label == cat).Select(s => (s.Start, s.End)).ToList();
                var pred = result.Findings.Where(f => Predicts(f, cat)).Select(f => (f.Start, f.Start + f.Length)).ToList();
                scores[cat].Add(gold, pred);
                foreach (var g in gold.Where(g => !pred.Any(p => p.Item1 < g.End && g.Start < p.Item2)))
                    misses.AppendLine($"  missed {cat} in {doc.Id}: \"{doc.Text[g.Start..g.End]}\"");
                foreach (var p in pred.Where(p => !gold.Any(g => p.Item1 < g.End && g.Start < p.Item2)))
                    misses.AppendLine($"  extra  {cat} in {doc.Id}: \"{doc.Text[p.Item1..p.Item2]}\"");
            }
        }

        var report = new StringBuilder();
        report.AppendLine($"School posts evaluation: {docs.Count} posts (tests/Steward.Scanning.Tests/Eval/posts.jsonl)");
        report.AppendLine(Score.Header);
        foreach (var cat in Categories)
            report.AppendLine(scores[cat].Row(cat));
        report.Append(misses);
        EvalData.Publish(output, "school-posts", report.ToString());

        Assert.True(docs.Count >= 300, "the evaluation set needs at least 300 posts");
        Assert.True(scores["ContactInfo"].Precision >= 0.95, $"ContactInfo precision {scores["ContactInfo"].Precision:0.000} < 0.95");
        Assert.True(scores["ContactInfo"].Recall >= 0.95, $"ContactInfo recall {scores["ContactInfo"].Recall:0.000} < 0.95");
        Assert.True(scores["StudentName"].Recall >= 0.98, $"StudentName recall {scores["StudentName"].Recall:0.000} < 0.98");
        Assert.True(scores["Campaign"].Precision >= 0.9, $"Campaign precision {scores["Campaign"].Precision:0.000} < 0.9");
        Assert.True(scores["Campaign"].Recall >= 0.9, $"Campaign recall {scores["Campaign"].Recall:0.000} < 0.9");
        Assert.True(scores["Obscene"].Precision >= 0.9, $"Obscene precision {scores["Obscene"].Precision:0.000} < 0.9");
        Assert.True(scores["Obscene"].Recall >= 0.9, $"Obscene recall {scores["Obscene"].Recall:0.000} < 0.9");
    }
}
