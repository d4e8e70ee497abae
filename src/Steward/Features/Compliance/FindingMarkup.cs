using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>Splits a post's text at the findings' edges, so that a page marks each finding inline
/// (server-side: the CSP allows no inline scripts).</summary>
public static class FindingMarkup
{
    /// <summary>A stretch of text covered by the same findings; <see cref="Ends"/> are the numbers (1-based, in
    /// list order) of the findings that end with it, for their reference marks.</summary>
    public sealed record Segment(string Text, Severity? Severity, IReadOnlyList<int> Ends);

    public static List<Segment> Segments(string text, IReadOnlyList<Finding> findings)
    {
        var spans = findings.Select((f, i) => (Number: i + 1, Start: Math.Clamp(f.Start, 0, text.Length),
            End: Math.Clamp(f.Start + f.Length, 0, text.Length), f.Severity)).Where(s => s.End > s.Start).ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var s in spans)
        {
            cuts.Add(s.Start);
            cuts.Add(s.End);
        }
        var result = new List<Segment>();
        var edges = cuts.ToList();
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            int from = edges[i], to = edges[i + 1];
            var covering = spans.Where(s => s.Start <= from && s.End >= to).ToList();
            Severity? worst = covering.Count == 0 ? null : covering.Max(s => s.Severity);
            result.Add(new Segment(text[from..to], worst, covering.Where(s => s.End == to).Select(s => s.Number).ToList()));
        }
        return result;
    }

    /// <summary>The text, HTML-encoded, with each finding in a <c>mark</c> followed by a link to it in the list.</summary>
    public static IHtmlContent Render(string text, IReadOnlyList<Finding> findings)
    {
        var html = new StringBuilder(text.Length + findings.Count * 120);
        var encoder = HtmlEncoder.Default;
        foreach (var s in Segments(text, findings))
        {
            if (s.Severity is null) html.Append(encoder.Encode(s.Text));
            else html.Append("<mark class=\"").Append(MarkClass(s.Severity)).Append(" text-ink\">").Append(encoder.Encode(s.Text)).Append("</mark>");
            foreach (var n in s.Ends)
                html.Append("<sup><a class=\"usa-link\" href=\"#finding-").Append(n).Append("\" aria-label=\"Finding ").Append(n).Append("\">[")
                    .Append(n).Append("]</a></sup>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>USWDS utility classes for a mark of this severity.</summary>
    public static string MarkClass(Severity? severity) => severity switch
    {
        Severity.Block => "bg-error-lighter border-bottom-05 border-error-dark",
        Severity.Review => "bg-warning-lighter border-bottom-05 border-warning-dark",
        _ => "bg-info-lighter border-bottom-05 border-info-dark",
    };

    /// <summary>A severity tag; every background passes 4.5:1 with its text (info-dark with white was about 3:1).</summary>
    public static string TagClass(Severity severity) => severity switch
    {
        Severity.Block => "usa-tag bg-error-dark",
        Severity.Review => "usa-tag bg-warning text-ink",
        _ => "usa-tag bg-info-darker",
    };

    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Block => "Blocked: the policy forbids publishing this as it is.",
        Verdict.Review => "Needs review: an approver must justify publishing it.",
        _ => "Passes the policy checks.",
    };

    /// <summary>The USWDS alert for a scan result, so that a blocked post never looks like a passing one.</summary>
    public static string AlertClass(Verdict verdict) => verdict switch
    {
        Verdict.Block => "usa-alert usa-alert--error",
        Verdict.Review => "usa-alert usa-alert--warning",
        _ => "usa-alert usa-alert--success",
    };

    /// <summary>What the verdict asks of the reader, counting the findings that cause it.</summary>
    public static string Explain(Verdict verdict, IReadOnlyList<Finding> findings)
    {
        var blocking = findings.Count(f => f.Severity == Severity.Block);
        var review = findings.Count(f => f.Severity == Severity.Review);
        return verdict switch
        {
            Verdict.Block => $"{Display.Count(blocking, "finding")} below {(blocking == 1 ? "stops" : "stop")} it from being published until the post changes.",
            Verdict.Review => $"{Display.Count(review, "finding")} {(review == 1 ? "needs" : "need")} a person's judgement: whoever approves it says why it may be published.",
            _ => findings.Count == 0 ? "Nothing in it needs attention." : "The findings below are for information only.",
        };
    }

    /// <summary>A category in words for people, not the enum's name.</summary>
    public static string Label(FindingCategory category) => category switch
    {
        FindingCategory.ContactInfo => "Contact details",
        FindingCategory.StudentName => "Student name",
        FindingCategory.PhotoConsent => "Photo consent",
        FindingCategory.StaffHomeContact => "Staff home contact",
        FindingCategory.Campaign => "Political campaign",
        FindingCategory.Commercial => "Commercial content",
        FindingCategory.Obscene => "Obscene language",
        FindingCategory.Harassment => "Harassment",
        FindingCategory.Copyright => "Copyright",
        FindingCategory.Confidential => "Confidential information",
        FindingCategory.OutsideContent => "Outside content",
        _ => category.ToString(),
    };
}

/// <summary>What the <c>_PostText</c> partial shows: the text with its findings marked, and the list of findings.</summary>
public sealed record PostTextView(string Text, IReadOnlyList<Finding> Findings, Verdict Verdict, string Heading = "Scan findings");
