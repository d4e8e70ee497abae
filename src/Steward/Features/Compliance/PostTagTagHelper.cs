using Microsoft.AspNetCore.Razor.TagHelpers;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>
/// The one tag for a post's status (<c>&lt;post-tag status="…"&gt;</c>) and its scan verdict (<c>&lt;post-tag verdict="…"&gt;</c>),
/// the same on every page: Block red, Review warning, Pass green, as the findings' own tags. Every background passes
/// 4.5:1 with its text; the word says it without the colour.
/// </summary>
[HtmlTargetElement("post-tag")]
public sealed class PostTagTagHelper : TagHelper
{
    public PostStatus? Status { get; set; }
    public Verdict? Verdict { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        var (css, text, kind) = (Status, Verdict) switch
        {
            ({ } s, _) => (StatusClass(s), s.ToString(), "status"),
            (_, { } v) => (VerdictClass(v), v.ToString(), "verdict"),
            _ => ("", "", ""),
        };
        output.Attributes.SetAttribute("class", css + " steward-tag");
        output.Attributes.SetAttribute("data-" + kind, text);
        output.Content.SetContent(text);
    }

    public static string StatusClass(PostStatus status) => status switch
    {
        PostStatus.Approved => "usa-tag bg-success-darker",
        PostStatus.Published => "usa-tag bg-primary-dark",
        PostStatus.Rejected => "usa-tag bg-error-dark",
        PostStatus.Submitted => "usa-tag bg-accent-cool-darker",
        _ => "usa-tag bg-base-dark",
    };

    public static string VerdictClass(Verdict verdict) => verdict switch
    {
        Scanning.Verdict.Block => FindingMarkup.TagClass(Severity.Block),
        Scanning.Verdict.Review => FindingMarkup.TagClass(Severity.Review),
        _ => "usa-tag bg-success-darker",
    };
}
