using System.Diagnostics;
using System.Globalization;

namespace Steward.Scanning.Bench;

/// <summary>"regex": the time each sentence-rule expression takes over every sentence of the corpus (the worst case, as
/// if every sentence had a trigger), to find the expensive ones.</summary>
internal static class RegexCost
{
    public static int Run(string[] args)
    {
        // "regex TEXT": the same on one text (to find the expression that is slow on it).
        var sentences = args.Length > 1
            ? [args[1]]
            : Corpus.Generate().Posts.SelectMany(p => p.Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        var rows = new List<(double Ms, string Rule, string Pattern)>();
        foreach (var rule in ScannerRules.Default.SentenceRules)
        {
            foreach (var regex in rule.Matches.Concat(rule.Unless))
            {
                foreach (var s in sentences.Take(2000))
                    regex.IsMatch(s);
                var sw = Stopwatch.StartNew();
                var hits = 0;
                foreach (var s in sentences)
                    hits += regex.IsMatch(s) ? 1 : 0;
                var p = regex.ToString();
                rows.Add((sw.Elapsed.TotalMilliseconds, rule.RuleId + $" hits {hits}", p.Length > 90 ? p[..90] : p));
            }
        }

        Console.WriteLine($"{sentences.Count:N0} sentences");
        foreach (var (ms, rule, pattern) in rows.OrderByDescending(r => r.Ms).Take(25))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,8:0.0} ms  {rule,-40} {pattern}"));
        return 0;
    }
}
