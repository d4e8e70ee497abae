using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Features.Policy;

/// <summary>Turns the citations in a line of text ("Privacy §3", "Booster §4, §5", "Registry §1/§2", "Curricular Use")
/// into links to their sections on /policy, by <see cref="Regulation.Href"/>; a section the regulation lacks stays text.</summary>
public static partial class PolicyCitations
{
    public static IHtmlContent Link(this Regulation regulation, string text)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (Match m in Citations().Matches(text))
        {
            html.Append(encoder.Encode(text[at..m.Index]));
            at = m.Index + m.Length;
            if (m.Groups["curricular"].Success)
            {
                Anchor(html, regulation.Href("Curricular Use"), m.Value, m.Value);
                continue;
            }
            var part = m.Groups["part"].Value;
            // The first link carries the part's name ("Booster §4"); the others ("§5") are named "Booster §5" for screen readers.
            var inner = m.Value[part.Length..];
            var last = 0;
            foreach (Match n in Number().Matches(inner))
            {
                var citation = $"{part.TrimEnd()} §{n.Groups[1].Value}";
                if (last == 0) Anchor(html, regulation.Href(citation), part + n.Value, citation);
                else
                {
                    html.Append(encoder.Encode(inner[last..n.Index]));
                    Anchor(html, regulation.Href(citation), n.Value, citation);
                }
                last = n.Index + n.Length;
            }
            html.Append(encoder.Encode(inner[last..]));
        }
        html.Append(encoder.Encode(text[at..]));
        return new HtmlString(html.ToString());

        void Anchor(StringBuilder sb, string? href, string shown, string citation)
        {
            if (href is null)
            {
                sb.Append(encoder.Encode(shown));
                return;
            }
            var named = shown.Replace('\u00a0', ' ') == citation || shown == citation ? "" : $" aria-label=\"{encoder.Encode(citation)}\"";
            sb.Append("<a class=\"usa-link\" href=\"").Append(encoder.Encode(href)).Append('"').Append(named).Append('>')
                .Append(encoder.Encode(shown)).Append("</a>");
        }
    }

    // "Privacy §5, §6", "Registry §1/§2", "Booster §4 and §5": the part's name, then its section numbers.
    [GeneratedRegex(@"(?<part>(?:Privacy|Content|Discipline|Registry|Booster)\s+)§\s*\d{1,2}(?:\s*(?:,|/|and|or)\s*§\s*\d{1,2})*|(?<curricular>Curricular Use)\b")]
    private static partial Regex Citations();

    [GeneratedRegex(@"§\s*(\d{1,2})")]
    private static partial Regex Number();
}

/// <summary><c>&lt;policy-text&gt;… (Privacy §3) …&lt;/policy-text&gt;</c>: the text with its citations linked to /policy.</summary>
[HtmlTargetElement("policy-text")]
public sealed class PolicyTextTagHelper(Regulation regulation) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // Razor has already encoded the content (§ as &#xA7;): decode it to find the citations, then encode again.
        var text = WebUtility.HtmlDecode((await output.GetChildContentAsync()).GetContent());
        output.TagName = null;
        output.Content.SetHtmlContent(regulation.Link(text));
    }
}
