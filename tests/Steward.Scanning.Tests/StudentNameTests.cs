namespace Steward.Scanning.Tests;

public sealed class StudentNameTests
{
    static Post WithPhoto(string text, params string[] studentIds) => new()
    {
        Text = text,
        ImageSubjects = [.. studentIds.Select(id => new ImageSubject(id))],
    };

    [Theory]
    [InlineData("Congrats to Ben Lee on the win!", "Ben Lee")]
    [InlineData("congrats to BEN LEE on the win!", "BEN LEE")]
    [InlineData("Ben Lee's goal sealed it.", "Ben Lee")]
    [InlineData("Great job, Mary-Kate O'Brien!", "Mary-Kate O'Brien")]
    [InlineData("Great job, Mary Kate OBrien!", null)]
    [InlineData("Shout-out to Jose Nunez for the assist", "Jose Nunez")]
    [InlineData("Shout-out to José Núñez for the assist", "José Núñez")]
    [InlineData("Welcome Lucía Garcia-Lopez to the board", "Lucía Garcia-Lopez")]
    [InlineData("Will Smith and Grace Hope led the choir.", "Will Smith")]
    public void Scan_RosterNameWithoutPhoto_IsInfo(string text, string? name)
    {
        var result = TestDistrict.Scan(text);

        var names = result.Of(FindingCategory.StudentName).ToList();
        if (name is null)
        {
            Assert.Empty(names);
            return;
        }

        Assert.Contains(names, f => f.Covered(text) == name && f.Severity == Severity.Info);
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Theory]
    [InlineData("We will smith the iron in shop class.")]
    [InlineData("We hope grace and kindness win the day.")]
    [InlineData("Will you join us? Hope to see you, Grace!")]
    [InlineData("Ana scored twice.")]
    [InlineData("Mr. Lee coached the team.")]
    [InlineData("Bennett Leeson won the raffle.")]
    [InlineData("Ana Garcia-Lopez is not Ana García.")]
    public void Scan_CommonWordsAndPartialNames_AreNotStudents(string text)
    {
        var result = TestDistrict.Scan(text);

        if (text.StartsWith("Ana Garcia-Lopez", StringComparison.Ordinal))
        {
            // The hyphenated name is not Ana García's; the second mention is.
            var only = Assert.Single(result.Of(FindingCategory.StudentName));
            Assert.Equal("Ana García", only.Covered(text));
            return;
        }

        Assert.Empty(result.Of(FindingCategory.StudentName));
        Assert.Empty(result.Of(FindingCategory.PhotoConsent));
    }

    [Fact]
    public void Scan_NamedStudentInPhotoWithoutConsent_BlocksAsPhotoConsent()
    {
        var result = TestDistrict.Scan(WithPhoto("Ana García scores the winning goal!", TestDistrict.Ana.StudentId));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.PhotoConsent, finding.Category);
        Assert.Equal(PolicyRules.PhotoWithName, finding.RuleId);
        Assert.Equal("Privacy §3", finding.PolicyReference);
        Assert.Equal(Verdict.Block, result.Verdict);
    }

    [Fact]
    public void Scan_LowerCaseNameWithACommonWord_OfTheStudentInThePhoto_BlocksAsPhotoConsent()
    {
        // "grace hope" in lower case is words on its own; beside her photo it is her name.
        const string text = "here's grace hope with her ribbon from the art show";

        var inPhoto = TestDistrict.Scan(WithPhoto(text, TestDistrict.Grace.StudentId));
        var noPhoto = TestDistrict.Scan(text);
        var otherPhoto = TestDistrict.Scan(WithPhoto(text, TestDistrict.Ana.StudentId));

        var finding = Assert.Single(inPhoto.Findings);
        Assert.Equal(PolicyRules.PhotoWithName, finding.RuleId);
        Assert.Equal("grace hope", finding.Covered(text));
        Assert.Empty(noPhoto.Findings);
        Assert.DoesNotContain(otherPhoto.Findings, f => f.Covered(text) == "grace hope");
    }

    [Fact]
    public void Scan_LowerCaseNameWithACommonWord_BesideAnotherLowerCaseRosterName_IsAName()
    {
        // A post that writes "ben lee" in lower case writes "grace hope" so too; alone, "grace hope" is words.
        const string both = "ben lee and grace hope won the doubles bracket";
        const string alone = "we hope grace hope wins";

        var names = TestDistrict.Scan(both).Of(FindingCategory.StudentName).Select(f => f.Covered(both)).ToList();

        Assert.Equal(["ben lee", "grace hope"], names);
        Assert.DoesNotContain(TestDistrict.Scan(alone).Findings, f => f.Category == FindingCategory.StudentName);
    }

    [Fact]
    public void Scan_NamedStudentInPhotoWithConsent_IsInfo()
    {
        var result = TestDistrict.Scan(WithPhoto("Ben Lee scores the winning goal!", TestDistrict.Ben.StudentId));

        Assert.Equal(Severity.Info, Assert.Single(result.Findings).Severity);
    }

    [Fact]
    public void Scan_PhotoOfOneStudentNamingAnother_IsInfo()
    {
        var result = TestDistrict.Scan(WithPhoto("Thanks to Ana García for organizing!", TestDistrict.Ben.StudentId));

        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public void Scan_PhotoSubjectGivenByName_IsResolvedAgainstTheRoster()
    {
        var post = new Post { Text = "Ana Garcia wins!", ImageSubjects = [new ImageSubject(Name: "Ana García")] };

        Assert.Equal(Verdict.Block, TestDistrict.Scan(post).Verdict);
    }

    [Fact]
    public void Scan_PhotoSubjectNotOnRosterNamedInText_Blocks()
    {
        var post = new Post { Text = "Welcome Zoe Quint to the team!", ImageSubjects = [new ImageSubject(Name: "Zoe Quint")] };

        var finding = Assert.Single(TestDistrict.Scan(post).Findings);
        Assert.Equal(PolicyRules.PhotoWithName, finding.RuleId);
    }

    [Fact]
    public void Scan_GroupPhotoWithNamesOfStudentsLackingConsent_BlocksUnderPrivacy4()
    {
        var post = WithPhoto("Our robotics team: Ana García, Ben Lee and friends.", TestDistrict.Ana.StudentId,
            TestDistrict.Ben.StudentId, TestDistrict.Will.StudentId);

        var result = TestDistrict.Scan(post);

        var block = Assert.Single(result.Findings, f => f.Severity == Severity.Block);
        Assert.Equal(PolicyRules.GroupPhotoNames, block.RuleId);
        Assert.Equal("Privacy §4", block.PolicyReference);
        Assert.Equal("Ana García", block.Covered(post.Text!));
    }

    [Fact]
    public void Scan_GroupPhotoWithoutNames_Passes()
    {
        var post = WithPhoto("Our robotics team at regionals!", TestDistrict.Ana.StudentId, TestDistrict.Ben.StudentId);

        Assert.Equal(Verdict.Pass, TestDistrict.Scan(post).Verdict);
    }

    [Theory]
    [InlineData("Olivia Chen won the spelling bee.", "Olivia Chen")]
    [InlineData("Liv Chen won the spelling bee.", "Liv Chen")]
    public void Scan_StudentWithDirectoryOptOut_Blocks(string text, string name)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyRules.DirectoryOptOut, finding.RuleId);
        Assert.Equal(FindingCategory.StudentName, finding.Category);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(name, finding.Covered(text));
    }

    [Fact]
    public void Scan_PreferredNameOfStudentThatIsAlsoALexiconWord_IsAName()
    {
        var result = TestDistrict.Scan("Dick Cox ran a personal best.");

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Empty(result.Of(FindingCategory.Obscene));
    }

    [Fact]
    public void Scan_LongerNameContainingAnother_ReportsTheLongerOnce()
    {
        var ctx = ScanContext.CreateBuilder()
            .AddStudent(TestDistrict.Student("1", "Mary Ann", "Smith"))
            .AddStudent(TestDistrict.Student("2", "Ann", "Smith"))
            .Build();

        var finding = Assert.Single(ctx.Scan("Mary Ann Smith sang.").Findings);

        Assert.Equal(0, finding.Start);
        Assert.Equal("Mary Ann Smith".Length, finding.Length);
    }
}
