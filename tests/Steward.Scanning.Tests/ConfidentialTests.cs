namespace Steward.Scanning.Tests;

public sealed class ConfidentialTests
{
    [Theory]
    [InlineData("Ben Lee's IEP meeting is Tuesday.", "IEP")]
    [InlineData("Reminder: Ana García's 504 plan review moved.", "504 plan")]
    [InlineData("Congrats to Ben Lee on his 4.0 GPA!", "GPA")]
    [InlineData("Will Smith was suspended for the game.", "suspended")]
    [InlineData("Ana García is failing math.", "failing")]
    [InlineData("Ben Lee scored a 1580 on the SAT this fall.", "on the SAT")]
    [InlineData("Congrats to Ana García on her perfect ACT score!", "ACT score")]
    [InlineData("Get well soon to Ben Lee, who had knee surgery this week.", "surgery")] // health details
    [InlineData("Ana García sat out the second half with a sprained ankle.", "sprained")]
    [InlineData("Ben Lee was injured in the first quarter.", "injured")]
    [InlineData("Please give Ana García her 504 accommodations on Friday's quiz.", "504 accommodations")]
    [InlineData("Ben Lee is academically ineligible until the next grade check.", "academically ineligible")]
    [InlineData("Will Smith is ineligible for Friday's game.", "ineligible")]
    [InlineData("Ana García has type 1 diabetes; keep juice on the bench.", "diabetes")]
    [InlineData("Ben Lee will sit out with asthma today.", "asthma")]
    [InlineData("Coaches, Will Smith is allergic to peanuts.", "allergic")]
    [InlineData("Ben Lee hurt his ACL at practice and is out for the year.", "ACL")]
    [InlineData("Ana García is home with mono this week.", "mono")]
    [InlineData("Chaperones: Will Smith carries an EpiPen on every trip.", "EpiPen")]
    [InlineData("Ben Lee had an appendectomy on Monday.", "appendectomy")]
    [InlineData("Ana García got three Ds on her progress report.", "progress report")]
    [InlineData("Will Smith sits out Friday for fighting at practice.", "for fighting")]
    [InlineData("Feel better, Ben Lee! We hope your knee surgery went well.", "surgery")] // said to the student just named
    public void Scan_SensitiveTermNearNamedStudent_BlocksAsConfidential(string text, string term)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.Confidential));
        Assert.Equal(PolicyRules.Confidential, finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(term, finding.Covered(text));
    }

    [Theory]
    [InlineData("Our IEP team meets families every fall.")]
    [InlineData("Report cards go home Friday.")]
    [InlineData("The game was suspended due to lightning.")]
    [InlineData("Ben Lee scored twice. Report cards go home Friday.")]
    [InlineData("SAT prep classes start Monday in the library.")]
    [InlineData("Ben Lee sat on the bench for the first half.")]
    [InlineData("Ana García will act in the spring play.")]
    [InlineData("Concussion baseline testing for all athletes is Tuesday in the gym.")]
    [InlineData("Ben Lee scored twice. Our trainer reviews injury prevention with the team Monday.")]
    [InlineData("Ana García led our diabetes awareness walk on Saturday.")] // a cause, not a record
    [InlineData("Ben Lee raised $500 for the Asthma and Allergy Foundation.")]
    [InlineData("Will Smith ran in the cancer research 5K.")]
    [InlineData("Seniors who miss the deadline are ineligible for prom tickets.")] // no named student
    [InlineData("Congrats to Ben Lee! Progress reports for everyone else go home Friday.")] // not said to him
    [InlineData("Ben Lee scored twice. Don't forget your progress report forms.")] // the name does not close the sentence
    [InlineData("Ana García was fighting for every rebound tonight.")] // effort, not discipline
    public void Scan_SensitiveTermWithoutNamedStudent_IsNotConfidential(string text)
    {
        var result = TestDistrict.Scan(text);

        Assert.Empty(result.Of(FindingCategory.Confidential));
    }

    [Fact]
    public void Scan_RosterStudentIdNumber_BlocksAsConfidential()
    {
        var result = TestDistrict.Scan("Student 10000002 left a jacket in the gym.");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyRules.StudentId, finding.RuleId);
        Assert.Equal(FindingCategory.Confidential, finding.Category);
        Assert.Equal("10000002", finding.Covered("Student 10000002 left a jacket in the gym."));
    }

    [Fact]
    public void Scan_NumberThatIsNotARosterId_IsNothing()
    {
        Assert.Empty(TestDistrict.Scan("Raffle ticket 10009999 wins.").Findings);
    }
}
