namespace Steward.Scanning.Tests;

/// <summary>
/// Campaign support for a named candidate or a measure in the wordings campaigns use (Booster §6), and commercial
/// offers: a price with a way to buy or book, a business's offer to the school community, private services
/// (Discipline §1). Each rule has wordings of its own and near misses that stay clear.
/// </summary>
public sealed class EndorsementAndOfferTests
{
    // ------------------------------------------------------------------ campaign

    [Theory]
    [InlineData("The Wilson Teachers Association stands with Marcus Reed for School Board.")]
    [InlineData("We're standing with Councilwoman Ana Park for Mayor this fall.")]
    [InlineData("Our boosters are all in for Coach Tanya Ruiz for City Council!")]
    [InlineData("The whole band is behind Dr. Sam Wu for County Supervisor.")]
    [InlineData("Vote Henry Okafor for State Assembly on November 5.")]
    [InlineData("Please vote Priya Nair for the Board of Education.")]
    public void Scan_SupportForANamedPersonForAnOffice_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Vote for Councilmember Lopez on Tuesday.")]
    [InlineData("Vote Trustee Alvarez - she listens to families.")]
    public void Scan_VoteForAnOfficeHolderByTitle_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("A vote for Trustee Molina is a vote for smaller classes.")]
    [InlineData("Every vote for Jamal Price is a vote against school closures.")]
    public void Scan_AVoteForXIsAVoteFor_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Teachers for Marquez: vote November 5!")]
    [InlineData("Parents for Lindqvist: your ballot arrives next week.")]
    public void Scan_CampaignCommitteeBeforeACallToVote_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("Grab a Prop 14 lawn sign after the meeting.")]
    [InlineData("Window signs supporting Measure T are in the PTA room.")]
    [InlineData("Lawn signs for Trustee Molina are available Saturday.")]
    public void Scan_LawnOrWindowSignsForAMeasureOrCandidate_BlocksAsCampaign(string text)
    {
        SentenceRuleAssert.Campaign(text);
    }

    [Theory]
    [InlineData("The candidate forum for City Council is Tuesday at 6 pm in the library.")]
    [InlineData("Learn about the candidates for Board of Education on the League of Women Voters site.")]
    [InlineData("The district does not endorse candidates.")]
    [InlineData("Our school doesn't officially endorse any candidate for City Council.")]
    [InlineData("Civics students learned how to endorse candidates in a mock caucus.")]
    [InlineData("Vote for your favorite float by Friday!")]
    [InlineData("Vote Maya Chen for ASB President!")]
    [InlineData("Measure R funded the new roof over the gym.")]
    [InlineData("The Measure R signs on the fence mark the new science wing.")]
    [InlineData("Order your custom graduation lawn sign by May 1.")]
    [InlineData("Civics classes vote Tuesday for School Board in our mock election.")]
    [InlineData("Welcome back Coach Harmon for the City Council youth day.")]
    [InlineData("Thank you, Councilmember Diaz, for visiting our class.")]
    [InlineData("Students for Change: meeting Tuesday in Room 12.")]
    [InlineData("A vote for the new mascot is a vote for tradition.")]
    public void Scan_NeutralCivicInformationAndNearMisses_AreNotCampaign(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Campaign));
    }

    // ------------------------------------------------------------------ commercial

    [Theory]
    [InlineData("Handmade bracelets, $8 - DM me to reserve one.")]
    [InlineData("Candy grams are $2 - order yours from any class officer.")]
    [InlineData("Chocolate bars are $3 - buy from any band member at lunch.")]
    [InlineData("Team calendars, $15 - link in bio to order!")]
    [InlineData("DM me for details: cookie platters $25.")]
    [InlineData("Senior night banners, $12 each - link in our bio to order.")]
    public void Scan_APriceWithAWayToBuy_ReviewsAsCommercial(string text)
    {
        SentenceRuleAssert.Commercial(text);
    }

    [Theory]
    [InlineData("SAT tutoring with a Wilson math teacher: $75/hr.")]
    [InlineData("$50 per session private volleyball coaching this summer.")]
    [InlineData("Private lessons available over winter break - text me.")]
    [InlineData("Private tutoring in chemistry this summer, email me for a spot.")]
    public void Scan_PrivateServiceRatesAndOffers_ReviewAsCommercial(string text)
    {
        SentenceRuleAssert.Commercial(text);
    }

    [Theory]
    [InlineData("Coastline Honda has 1.9% APR financing for new graduates.")]
    [InlineData("Get 5% cash back with our sponsor's store card.")]
    [InlineData("Stop by Rossi's Pizza and tell them the Bruins sent you.")]
    [InlineData("Tell Marco at the counter that Wilson sent you!")]
    [InlineData("Show this flyer at Chipotle on Atlantic and 33% of your order goes to the PTA.")]
    [InlineData("Mention this post for a discount on any large pizza.")]
    [InlineData("Mention the Wilson swim team at checkout.")]
    [InlineData("Free home estimates from our sponsor, Harbor Roofing.")]
    [InlineData("Call today for a free appraisal.")]
    [InlineData("Get your free smoothie at jamba-deals.com with any purchase.")]
    [InlineData("Thinking about buying a home?")]
    public void Scan_BusinessOfferToTheSchoolCommunity_ReviewsAsCommercial(string text)
    {
        SentenceRuleAssert.Commercial(text);
    }

    [Theory]
    [InlineData("Parking passes are $30 and can be purchased in the student store.")]
    [InlineData("Tickets are $12 at the door; students with ASB cards get in free.")]
    [InlineData("We raised $2,300 at the car wash - thanks to everyone who came to buy a wash!")]
    [InlineData("The $150 season fee is due Friday.")]
    [InlineData("Order forms for the $20 field trip are due Friday.")]
    [InlineData("Doors open at 7 pm; tickets are $10.")]
    [InlineData("Friday's show has free admission for families.")]
    [InlineData("Thank you to Bayside Auto for sponsoring our scoreboard!")]
    [InlineData("Thanks to Harbor Roofing for the free estimate on our gym roof.")]
    [InlineData("Tutoring center jobs pay $16/hour - apply in the career center.")]
    [InlineData("Free tutoring in the library every Tuesday.")]
    [InlineData("Show this post to a parent to get the permission slip signed.")]
    [InlineData("Get your free tickets at eventbrite.com before Friday.")]
    [InlineData("Thinking about buying a laptop for college? Here's what to look for.")]
    [InlineData("Enrollment is 3% down this year and the loan rate is 5% interest.")]
    [InlineData("Honorable mention at the science fair goes to Room 12.")]
    [InlineData("Tickets go on sale 5/1 for $110.")]
    [InlineData("Order your picture day photos at the link in our bio.")] // the school's own business, no price
    public void Scan_FeesThanksAndPricesWithoutACallToBuy_AreNotCommercial(string text)
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
            "The Wilson Teachers Association stands with Marcus Reed for School Board.", "Our boosters are all in for Coach Tanya Ruiz for City Council!",
            "The whole band is behind Dr. Sam Wu for County Supervisor.", "Please vote Priya Nair for the Board of Education.",
            "Vote for Councilmember Lopez on Tuesday.", "Vote Trustee Alvarez - she listens to families.",
            "A vote for Trustee Molina is a vote for smaller classes.", "Every vote for Jamal Price is a vote against school closures.",
            "Teachers for Marquez: vote November 5!", "Parents for Lindqvist: your ballot arrives next week.",
            "Grab a Prop 14 lawn sign after the meeting.", "Window signs supporting Measure T are in the PTA room.",
            "Handmade bracelets, $8 - DM me to reserve one.", "Team calendars, $15 - link in bio to order!", "DM me for details: cookie platters $25.",
            "SAT tutoring with a Wilson math teacher: $75/hr.", "$50 per session private volleyball coaching this summer.",
            "Private lessons available over winter break - text me.", "Senior night banners, $12 each - link in our bio to order.",
            "Coastline Honda has 1.9% APR financing for new graduates.",
            "Stop by Rossi's Pizza and tell them the Bruins sent you.", "Show this flyer at Chipotle on Atlantic and 33% of your order goes to the PTA.",
            "Mention the Wilson swim team at checkout.", "Free home estimates from our sponsor, Harbor Roofing.", "Call today for a free appraisal.",
            "Get your free smoothie at jamba-deals.com with any purchase.", "Thinking about buying a home?",
        ];

        foreach (var text in texts)
        {
            SentenceRuleAssert.TriggersFindWhatEverySentenceFinds(text, expectFindings: true, FindingCategory.Campaign, FindingCategory.Commercial);
        }
    }
}
