using System.Net;
using System.Text.RegularExpressions;
using Steward.Features.Policy;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Policy;

public sealed partial class RegulationTests
{
    static readonly Regulation Shipped = Regulation.Embedded();

    [Theory]
    [InlineData("Privacy §3", "privacy-3")]
    [InlineData("Content §12", "content-12")]
    [InlineData("Discipline §2, §7", "discipline-2")]
    [InlineData("Booster §6", "booster-6")]
    [InlineData("Registry §1", "registry-1")]
    [InlineData("Curricular Use", "curricular-use")]
    [InlineData("Section 5", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Anchor_OfACitation_IsTheSectionsId(string? citation, string? anchor)
    {
        Assert.Equal(anchor, Regulation.Anchor(citation));
    }

    [Fact]
    public void Shipped_HasEveryNumberedSectionOfEachPart_AndTheCurricularUseParagraph()
    {
        var expected = new[] { ("content", 15), ("privacy", 6), ("discipline", 8), ("registry", 5), ("booster", 6) };

        foreach (var (part, count) in expected)
        {
            for (var n = 1; n <= count; n++)
                Assert.Contains($"{part}-{n}", Shipped.Anchors);
            Assert.DoesNotContain($"{part}-{count + 1}", Shipped.Anchors);
        }
        Assert.Contains("curricular-use", Shipped.Anchors);
        Assert.StartsWith("Photographs of individual students", Shipped.Blocks.Single(b => b.Id == "privacy-3").Text, StringComparison.Ordinal);
        Assert.Contains("campaign materials", Shipped.Blocks.Single(b => b.Id == "booster-6").Text, StringComparison.Ordinal);
        Assert.Equal("/policy#privacy-3", Shipped.Href("Privacy §3"));
        Assert.Null(Shipped.Href("Privacy §9"));
    }

    [Fact]
    public void Shipped_IsTheSharedPolicyText_WhenTheSharedFolderIsBesideTheCheckout()
    {
        var shared = Path.Combine(RepositoryRoot(), "..", "shared", "policy", "social-media-regulation.txt");
        if (!File.Exists(shared))
            return; // a checkout without ../shared: the copy in the repository is what ships
        var copy = Path.Combine(RepositoryRoot(), "src", "Steward", "Features", "Policy", "social-media-regulation.txt");

        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(copy));
    }

    /// <summary>Every "Privacy §N", "Content §N", … the code and the scanner's data files cite is a section of the text.</summary>
    [Fact]
    public void EveryCitationInTheSource_IsASectionOfTheShippedRegulation()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)
                || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match m in Citation().Matches(File.ReadAllText(file)))
            {
                var part = m.Groups[1].Value.ToLowerInvariant();
                foreach (Capture n in m.Groups[2].Captures)
                    cited.Add($"{part}-{n.Value}");
            }
        }

        Assert.True(cited.Count >= 15, $"only {cited.Count} citations found: is the pattern right?");
        Assert.Equal([], cited.Except(Shipped.Anchors, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Parse_OfAnEmptyOrOddText_DoesNotThrow()
    {
        Assert.Equal("", Regulation.Parse("").Title);
        var odd = Regulation.Parse("Title\nPRIVACY\n1. One.\n1. One again.\n- a bullet\n(cf. 1)\n");
        Assert.Equal(["privacy", "privacy-1"], odd.Anchors.Order(StringComparer.Ordinal));
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        throw new InvalidOperationException("No Steward.slnx above the test's output folder.");
    }

    [GeneratedRegex(@"\b(Privacy|Content|Discipline|Registry|Booster) (?:§(\d+)(?:,\s*)?)+")]
    private static partial Regex Citation();
}

public sealed class PolicyPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task PolicyPage_ForAnonymousVisitor_ShowsTheRegulationWithAnAnchorPerSection()
    {
        var response = await app.Anonymous().GetAsync("/policy");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Social media regulation</h1>", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<li id=\"privacy-3\"[^>]*>\\s*<strong class=\"steward-policy-cite\">Privacy (§|&#xA7;)3</strong> Photographs of individual students"), html);
        Assert.Matches(new Regex("<li id=\"booster-6\"[^>]*>\\s*<strong class=\"steward-policy-cite\">Booster (§|&#xA7;)6</strong> The District and schools shall not post campaign materials"), html);
        Assert.Contains("id=\"curricular-use\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#privacy\"", html, StringComparison.Ordinal);
    }
}

public sealed class RegulationFileSettingTests
{
    sealed class AppWithRegulationFile(string file) : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Steward:Policy:RegulationFile", file)];
    }

    [Fact]
    public async Task Startup_WithAMissingRegulationFile_FailsNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-regulation-{Guid.NewGuid():N}.txt");
        await using var app = new AppWithRegulationFile(missing);

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyPage_WithADistrictsOwnRegulationFile_ShowsThatText()
    {
        var file = Path.Combine(Path.GetTempPath(), $"regulation-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Springfield USD Regulation 1234\n\nPRIVACY\n\n1. Springfield never posts student phone numbers.\n");
        try
        {
            await using var app = new AppWithRegulationFile(file);
            await app.InitializeAsync();

            var html = await app.Anonymous().GetStringAsync("/policy");

            Assert.Contains("Springfield USD Regulation 1234", html, StringComparison.Ordinal);
            Assert.Matches(new Regex("<li id=\"privacy-1\"[^>]*>\\s*<strong class=\"steward-policy-cite\">Privacy (§|&#xA7;)1</strong> Springfield never posts student phone numbers."), html);
            Assert.DoesNotContain("Photographs of individual students", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
