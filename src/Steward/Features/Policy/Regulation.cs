using System.Text;
using System.Text.RegularExpressions;

namespace Steward.Features.Policy;

/// <summary>What a line of the regulation is, for the policy page.</summary>
public enum RegulationBlockKind { Title, Heading, Subheading, Paragraph, Item, Bullet, CrossReference }

/// <summary>
/// One line of the regulation. <see cref="Id"/> is the anchor the app's citations link to: "privacy-3" for
/// "Privacy §3", "curricular-use" for "Curricular Use".
/// </summary>
public sealed record RegulationBlock(RegulationBlockKind Kind, string Text, string? Id = null, int? Number = null);

/// <summary>
/// The district's social media regulation, read into headings, numbered sections and paragraphs so the policy page
/// can show it with an anchor for every section the scanner and the registry cite ("Privacy §3", "Booster §6").
/// The text ships with the app (the same file as <c>../shared/policy/</c>); a district may point
/// <c>Steward:Policy:RegulationFile</c> at its own copy.
/// </summary>
public sealed partial class Regulation
{
    public IReadOnlyList<RegulationBlock> Blocks { get; }
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>The first line of the text (the regulation's own title), or empty for an empty file.</summary>
    public string Title => Blocks.Count > 0 ? Blocks[0].Text : "";

    Regulation(List<RegulationBlock> blocks)
    {
        Blocks = blocks;
        Anchors = blocks.Where(b => b.Id is not null).Select(b => b.Id!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The regulation that ships with the app.</summary>
    public static Regulation Embedded()
    {
        using var stream = typeof(Regulation).Assembly.GetManifestResourceStream("Steward.Policy.social-media-regulation.txt")
            ?? throw new InvalidOperationException("The embedded regulation text is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Reads the regulation: ALL-CAPS lines are headings that start a section ("PRIVACY" → privacy-N), the
    /// registry and booster-club headings start theirs, "N. …" lines are numbered sections, "(cf. …)" lines are
    /// cross-references, "- …" lines are bullets; the rest are paragraphs.
    /// </summary>
    public static Regulation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<RegulationBlock>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var section = "general";
        string? Unique(string id) => used.Add(id) ? id : null;

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (blocks.Count == 0)
            {
                blocks.Add(new RegulationBlock(RegulationBlockKind.Title, line));
                continue;
            }

            if (line.StartsWith("(cf.", StringComparison.Ordinal))
            {
                blocks.Add(new RegulationBlock(RegulationBlockKind.CrossReference, line));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                blocks.Add(new RegulationBlock(RegulationBlockKind.Bullet, line[2..].Trim()));
            }
            else if (NumberedItem().Match(line) is { Success: true } item)
            {
                var n = int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                blocks.Add(new RegulationBlock(RegulationBlockKind.Item, item.Groups[2].Value, Unique($"{section}-{n}"), n));
            }
            else if (line.Any(char.IsLetter) && !line.Any(char.IsLower))
            {
                section = SectionKey(line);
                blocks.Add(new RegulationBlock(RegulationBlockKind.Heading, line, Unique(section)));
            }
            else if (line.StartsWith("Curricular Use:", StringComparison.Ordinal))
            {
                blocks.Add(new RegulationBlock(RegulationBlockKind.Paragraph, line, Unique("curricular-use")));
            }
            else if (line.Length <= 100 && !line.EndsWith('.') && !line.EndsWith(':') && char.IsUpper(line[0]))
            {
                if (line.StartsWith("Official School Social Media Accounts Registry", StringComparison.Ordinal))
                    section = "registry";
                else if (line.Contains("Booster Club", StringComparison.OrdinalIgnoreCase))
                    section = "booster";
                blocks.Add(new RegulationBlock(RegulationBlockKind.Subheading, line, Unique(Slug(line))));
            }
            else
            {
                blocks.Add(new RegulationBlock(RegulationBlockKind.Paragraph, line));
            }
        }

        return new Regulation(blocks);
    }

    static string SectionKey(string heading) => heading switch
    {
        "CONTENT GUIDELINES AND PROCEDURES" => "content",
        "PRIVACY" => "privacy",
        "POLICIES AND DISCIPLINE" => "discipline",
        _ => Slug(heading),
    };

    static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>
    /// The anchor of a citation as the app writes them: "Privacy §3" → "privacy-3", "Discipline §2, §7" →
    /// "discipline-2" (the first section), "Curricular Use" → "curricular-use"; null for anything else.
    /// </summary>
    public static string? Anchor(string? citation)
    {
        if (string.IsNullOrWhiteSpace(citation))
            return null;
        if (citation.StartsWith("Curricular Use", StringComparison.Ordinal))
            return "curricular-use";
        var m = Citation().Match(citation);
        return m.Success ? $"{m.Groups[1].Value.ToLowerInvariant()}-{m.Groups[2].Value}" : null;
    }

    /// <summary>The policy page's link for a citation, if the regulation has that section.</summary>
    public string? Href(string? citation) => Anchor(citation) is { } a && Anchors.Contains(a) ? "/policy#" + a : null;

    [GeneratedRegex(@"^(\d{1,2})\.\s+(.+)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^(Privacy|Content|Discipline|Registry|Booster)\s*§\s*(\d{1,2})\b")]
    private static partial Regex Citation();
}
