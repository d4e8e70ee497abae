using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Steward.Scanning.Tests.Evaluation;

internal sealed record LabeledSpan(int Start, int End, string Label);

internal sealed record LabeledDoc(string Id, string Text, IReadOnlyList<LabeledSpan> Spans, IReadOnlyList<string> DocLabels, string? Category)
{
    /// <summary>Names of the students in the attached photo (held-out set's <c>photo</c> field).</summary>
    public IReadOnlyList<string> Photo { get; init; } = [];

    /// <summary>Owners of declared third-party material (held-out set's <c>material</c> field).</summary>
    public IReadOnlyList<string> Material { get; init; } = [];
}

/// <summary>Precision/recall with overlap matching: a prediction is right if it overlaps a gold span of its label.</summary>
internal sealed class Score
{
    public int Predicted { get; private set; }
    public int PredictedCorrect { get; private set; }
    public int Gold { get; private set; }
    public int GoldFound { get; private set; }

    public double Precision => Predicted == 0 ? 1 : (double)PredictedCorrect / Predicted;
    public double Recall => Gold == 0 ? 1 : (double)GoldFound / Gold;

    public void Add(IReadOnlyList<(int Start, int End)> gold, IReadOnlyList<(int Start, int End)> predicted)
    {
        Gold += gold.Count;
        Predicted += predicted.Count;
        foreach (var g in gold)
        {
            if (predicted.Any(p => Overlap(p, g)))
                GoldFound++;
        }

        foreach (var p in predicted)
        {
            if (gold.Any(g => Overlap(p, g)))
                PredictedCorrect++;
        }
    }

    /// <summary>Adds another set's counts (the union of two evaluation sets).</summary>
    public void Add(Score other)
    {
        Predicted += other.Predicted;
        PredictedCorrect += other.PredictedCorrect;
        Gold += other.Gold;
        GoldFound += other.GoldFound;
    }

    /// <summary>Document-level counting (Davidson: does the tweet contain offensive language at all).</summary>
    public void AddDocument(bool gold, bool predicted)
    {
        Gold += gold ? 1 : 0;
        Predicted += predicted ? 1 : 0;
        GoldFound += gold && predicted ? 1 : 0;
        PredictedCorrect += gold && predicted ? 1 : 0;
    }

    static bool Overlap((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name,-38} | {Precision,6:0.000} | {Recall,6:0.000} | {Gold,6} | {Predicted,6} |");

    public string Cells() => string.Create(CultureInfo.InvariantCulture, $"{Precision,6:0.000} | {Recall,6:0.000} | {Gold,5} | {Predicted,5}");

    public static string Header => "| set / category                         |      P |      R |   gold |   pred |\n|---|---|---|---|---|";
}

internal static class EvalData
{
    /// <summary>The repository root: the first ancestor of the test binaries holding src/Steward.Scanning.</summary>
    public static DirectoryInfo? RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, "src", "Steward.Scanning")))
                return d;
        }

        return null;
    }

    /// <summary>The peers' data lives beside the repository: &lt;repo&gt;/../shared/eval.</summary>
    public static string? SharedEval()
    {
        var root = RepoRoot();
        if (root?.Parent is null)
            return null;
        var path = Path.Combine(root.Parent.FullName, "shared", "eval");
        return Directory.Exists(path) ? path : null;
    }

    public static IEnumerable<LabeledDoc> ReadJsonl(string path)
    {
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var spans = new List<LabeledSpan>();
            if (root.TryGetProperty("spans", out var arr))
            {
                foreach (var s in arr.EnumerateArray())
                    spans.Add(new LabeledSpan(s[0].GetInt32(), s[1].GetInt32(), s[2].GetString()!));
            }

            var labels = new List<string>();
            if (root.TryGetProperty("doc_labels", out var dl))
            {
                foreach (var l in dl.EnumerateArray())
                    labels.Add(l.GetString()!);
            }

            var category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            yield return new LabeledDoc(root.GetProperty("id").GetString()!, root.GetProperty("text").GetString()!, spans, labels, category)
            {
                Photo = Strings(root, "photo"),
                Material = Strings(root, "material"),
            };
        }
    }

    static List<string> Strings(JsonElement root, string property) =>
        root.TryGetProperty(property, out var arr) ? [.. arr.EnumerateArray().Select(e => e.GetString()!)] : [];

    public static List<RosterStudent> ReadRoster(string path)
    {
        var list = new List<RosterStudent>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var c = line.Split(',');
            list.Add(new RosterStudent
            {
                StudentId = c[0],
                FirstName = c[1],
                LastName = c[2],
                PreferredName = string.IsNullOrWhiteSpace(c[3]) ? null : c[3],
                SiteCode = c[4],
                DirectoryOptOut = bool.Parse(c[6]),
                HasCurrentPhotoWithNameConsent = bool.Parse(c[7]),
            });
        }

        return list;
    }

    /// <summary>Writes the report where a person can find it, and to the test output.</summary>
    public static void Publish(ITestOutputHelper output, string name, string report)
    {
        output.WriteLine(report);
        Console.WriteLine(report);
        var dir = Path.Combine(AppContext.BaseDirectory, "eval-reports");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".md"), report);
    }
}
