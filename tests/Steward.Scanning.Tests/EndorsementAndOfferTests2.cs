namespace Steward.Scanning.Tests;

/// <summary>
/// The second round of campaign and commercial wordings: campaign slogans on signs, phone banks and canvassing,
/// party-line voting, campaign hashtags and disclosures (Booster §6); a business's free offer with a way to book,
/// rates after "offers", and money the club spends, which is not a sale (Discipline §1). Each rule has wordings of
/// its own and near misses that stay clear.
/// </summary>
public sealed class EndorsementAndOfferTests2
{
    // ------------------------------------------------------------------ campaign

    [Theory]
    [InlineData("Pick up your \"Dana Whitfield for School Board\" sign in the front office.")]
    [InlineData("The boosters handed out “Ray Ochoa for Mayor” buttons at the game.")]
    [InlineData("We still have a few Okafor for City Council lawn signs left.")]
    [InlineData("Wear your Lee for Mayor t-shirt to the rally.")]
    public void Scan_CampaignSloganOnSignsOrShirts_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Volunteers are phone banking for Measure K every Thursday.")]
    [InlineData("Help us canvass the neighborhood to pass the bond this weekend.")]
    [InlineData("We'll knock on doors for Trustee Molina after the game.")]
    [InlineData("The Prop 9 phone bank meets in the PTA room.")]
    [InlineData("Door-knocking against Proposition 22 starts at 9 am.")]
    [InlineData("Come canvass for Ana Ruiz for City Council on Saturday.")]
    public void Scan_PhoneBanksAndCanvassingForAMeasureOrCandidate_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("This year, vote straight-ticket and keep our schools strong.")]
    [InlineData("Straight ticket Republican all the way down the ballot!")]
    [InlineData("The only choice for Wilson families is the Democratic slate.")]
    [InlineData("Republicans are the only hope for lower taxes.")]
    [InlineData("Vote Democrats up and down the ballot.")]
    public void Scan_PartyLineVotingAdvocacy_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Great season, Bruins! #OkaforForCouncil")]
    [InlineData("Thanks for coming out tonight #VoteReyesForSchoolBoard")]
    [InlineData("See you at the polls #KimForMayor2026")]
    public void Scan_CampaignHashtagWithAnOffice_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Paid for by Parents United for Measure K.")]
    [InlineData("Paid for by Neighbors for Prop 3, 2026.")]
    [InlineData("Paid for by Friends of Dana Lee for City Council.")]
    public void Scan_PaidForByACampaignCommittee_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Thanks to everyone who staffed the ASB phone bank for the blood drive.")]
    [InlineData("The alumni phone bank for the annual fund campaign raised $4,000.")]
    [InlineData("The county finishes the official canvass of Measure K votes on Friday.")]
    [InlineData("Knock on doors for the canned food drive this Saturday.")]
    [InlineData("Civics students learned how straight-ticket voting works.")]
    [InlineData("Some states still offer straight-ticket Democrat or Republican ballots.")]
    [InlineData("The only way to be heard is to vote.")]
    [InlineData("The only option for Democrats and Republicans alike is to register by October 20.")]
    [InlineData("Democrats and Republicans on the panel agreed on school safety.")]
    [InlineData("The only way to get tickets is online.")]
    [InlineData("Great win tonight! #WilsonForever")]
    [InlineData("Vote in the halftime poll #VoteForTheMascot")]
    [InlineData("The new scoreboard was paid for by the PTA.")]
    [InlineData("The roof was paid for by Measure R bond funds.")]
    [InlineData("Come to the \"Meet the Candidates for City Council\" forum on Tuesday.")]
    [InlineData("The city council candidate forum is in the library at 6 pm.")]
    [InlineData("Grab a \"Maya Chen for ASB President\" sticker at lunch.")]
    public void Scan_NeutralCivicInformationAndNearMisses_AreNotCampaign(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Campaign));
    }

    // ------------------------------------------------------------------ commercial

    [Theory]
    [InlineData("Harbor Dental's gift to our families: a free cleaning for new patients - book at harbordental.com.")]
    [InlineData("Free smoothie with any class pass, sign up online at fitlab.net.")]
    [InlineData("CrossFit Harbor is offering Bruin parents a free trial week.")]
    [InlineData("Free first lesson for new students at Allegro Music - call to book.")]
    [InlineData("Sign up by Friday for a free intro class at Kumon.")]
    public void Scan_ABusinessFreeOfferWithAWayToBook_ReviewsAsCommercial(string text)
    {
        SentenceRuleAssert.Commercial(text);
    }

    [Theory]
    [InlineData("A retired nurse offers CPR classes, $40 a session.")]
    [InlineData("Ms. Ito is offering violin at $50 per lesson this summer.")]
    [InlineData("ACT prep with a former counselor, $70/hr.")]
    public void Scan_ARateAfterOffersOrForTestPrep_ReviewsAsCommercial(string text)
    {
        SentenceRuleAssert.Commercial(text);
    }

    [Theory]
    [InlineData("The chess club will buy three new boards with the $210 from the bake sale.")]
    [InlineData("We'll use the $900 to buy new music stands.")]
    [InlineData("The robotics team will order parts using our $1,200 grant.")]
    [InlineData("Sign up by 1/31 for spring sports.")]
    [InlineData("Free tutoring in the library every Tuesday - sign up online at wilsonhs.org.")]
    [InlineData("Free tickets for families - register at eventbrite.com.")]
    [InlineData("The aquarium offers summer jobs at $18 an hour.")]
    [InlineData("The library offers free SAT prep on Saturdays.")]
    [InlineData("Return your library book at the front desk.")]
    public void Scan_SpendingTheClubsMoneyAndFreeSchoolServices_AreNotCommercial(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Commercial));
    }

    // ------------------------------------------------------------------ triggers

    [Fact]
    public void Scan_EveryNewRuleExample_IsReachedThroughATrigger()
    {
        // The scanner reads a sentence only when it holds a trigger; reading every sentence must find nothing more.
        string[] texts =
        [
            "Pick up your \"Dana Whitfield for School Board\" sign in the front office.", "Wear your Lee for Mayor t-shirt to the rally.",
            "Volunteers are phone banking for Measure K every Thursday.", "Help us canvass the neighborhood to pass the bond this weekend.",
            "We'll knock on doors for Trustee Molina after the game.", "The Prop 9 phone bank meets in the PTA room.",
            "Door-knocking against Proposition 22 starts at 9 am.", "Come canvass for Ana Ruiz for City Council on Saturday.",
            "This year, vote straight-ticket and keep our schools strong.", "Straight ticket Republican all the way down the ballot!",
            "The only choice for Wilson families is the Democratic slate.", "Republicans are the only hope for lower taxes.",
            "Vote Democrats up and down the ballot.", "Great season, Bruins! #OkaforForCouncil", "See you at the polls #KimForMayor2026",
            "Paid for by Parents United for Measure K.", "Paid for by Friends of Dana Lee for City Council.",
            "Harbor Dental's gift to our families: a free cleaning for new patients - book at harbordental.com.",
            "Free smoothie with any class pass, sign up online at fitlab.net.", "CrossFit Harbor is offering Bruin parents a free trial week.",
            "Free first lesson for new students at Allegro Music - call to book.", "Sign up by Friday for a free intro class at Kumon.",
            "A retired nurse offers CPR classes, $40 a session.", "Ms. Ito is offering violin at $50 per lesson this summer.",
            "ACT prep with a former counselor, $70/hr.",
        ];

        foreach (var text in texts)
        {
            SentenceRuleAssert.TriggersFindWhatEverySentenceFinds(text, expectFindings: true, FindingCategory.Campaign, FindingCategory.Commercial);
        }
    }
}
