namespace Steward.Scanning.Tests;

public sealed class ContentRuleTests
{
    [Theory]
    [InlineData("Vote yes on Measure K to fix our roofs!")]
    [InlineData("Please vote NO on Prop 12 this November.")]
    [InlineData("Re-elect Trustee Diaz for a safer district.")]
    [InlineData("Our PTA endorses Measure K.")]
    [InlineData("We endorse Maria Lopez for School Board.")]
    [InlineData("Vote for Sam Lee for City Council!")]
    [InlineData("Elect Jordan Park on November 5.")]
    [InlineData("Yes on Measure K!")]
    [InlineData("Help pass Measure K this fall.")]
    [InlineData("Paid for by the Committee to Elect Jane Ruiz.")]
    [InlineData("Show your support: #YesOnK")]
    [InlineData("Maria Ochoa for Board District 4: experience that counts!")]
    [InlineData("Wilson Parents for Delgado will have bumper stickers at the game.")]
    [InlineData("This November, vote out the incumbents on the school board.")]
    [InlineData("Time to vote out Trustee Marsh.")]
    [InlineData("Vote Republican this November!")]
    public void Scan_CampaignAdvocacy_BlocksAsCampaign(string text)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.Campaign));
        Assert.Equal("booster-6.campaign", finding.RuleId);
        Assert.Equal("Booster §6", finding.PolicyReference);
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Theory]
    [InlineData("Polls open at 7 a.m. on Tuesday.")]
    [InlineData("Our gym is a polling place on Election Day.")]
    [InlineData("Register to vote by October 21 if you are 18!")]
    [InlineData("Vote for your favorite costume in the lobby!")]
    [InlineData("Vote for ASB President at lunch on Friday.")]
    [InlineData("Learn about Measure K at Thursday's community forum.")]
    [InlineData("Thanks to voters, Measure K funded our new roof.")]
    [InlineData("Seniors elected class officers today.")]
    [InlineData("The board will vote on the budget Tuesday.")]
    [InlineData("Students can pre-register to vote at 16.")]
    [InlineData("Candidates for Board District 2 speak Tuesday at 7 in the library.")]
    [InlineData("Applications for Council District 4 youth commission are due Friday.")]
    [InlineData("Students for Sustainability will hand out reusable bags at lunch.")]
    [InlineData("The only way to vote Republican in the primary is to register as a Republican by February 17.")] // civics
    public void Scan_NeutralCivicInformation_IsNotCampaign(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Campaign));
    }

    [Theory]
    [InlineData("Selling my old couch on Craigslist, DM me")]
    [InlineData("Use promo code BRUINS20 for 20% off!")]
    [InlineData("Find it on eBay: great deals on cleats")]
    [InlineData("Order now, only $25 each while supplies last!")]
    [InlineData("Check out our Amazon wish list for classroom supplies")]
    [InlineData("Venmo @WilsonBand to buy a raffle ticket")]
    [InlineData("Get 2 pizzas for $20 at Domino's on Atlantic when you mention Wilson.")]
    [InlineData("Spring break coding camp, only $299 for the week, sign up at codekidz.com")]
    [InlineData("Register at funcamps.net today: $150 a week for ages 8-12.")]
    public void Scan_Commercial_ReviewsAsCommercial(string text)
    {
        var result = TestDistrict.Scan(text);

        var findings = result.Of(FindingCategory.Commercial).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("discipline-1.commercial", f.RuleId));
        Assert.All(findings, f => Assert.Equal(Severity.Review, f.Severity));
        Assert.Equal(Verdict.Review, result.Verdict);
    }

    [Theory]
    [InlineData("Spirit wear is on sale now, $25.50 each.", "on sale now, $25.50")]
    [InlineData("Tickets: Venmo @WilsonBand-Boosters today", "Venmo @WilsonBand-Boosters")]
    public void Scan_Commercial_HighlightsThePriceAndHandleWhole(string text, string covered)
    {
        var findings = TestDistrict.Scan(text).Of(FindingCategory.Commercial).ToList();

        Assert.Contains(findings, f => f.Covered(text) == covered);
    }

    [Theory]
    [InlineData("Our class studied the Amazon rainforest.")]
    [InlineData("The bake sale raised money for the band trip.")]
    [InlineData("Order of events: anthem, kickoff, halftime show.")]
    [InlineData("The book fair is open all week in the library.")]
    [InlineData("Snack bar volunteers needed. Sign up at the booster table.")]
    [InlineData("Sign up at wilsonhs.org for the $20 field trip by Friday.")] // the school's own page
    [InlineData("Sign up at signupgenius.com to bring a dish to the potluck.")] // no price
    [InlineData("Did I mention the game starts at 7?")]
    public void Scan_NonCommercialMentions_AreNotCommercial(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Commercial));
    }

    [Theory]
    [InlineData("What the fuck was that call", "What the fuck")]
    [InlineData("That was fucking awful", "fucking")]
    [InlineData("That ref was a f*ck up", "f*ck")]
    [InlineData("This is sh1t", "sh1t")]
    [InlineData("What a bunch of shiiiit", "shiiiit")]
    [InlineData("Kick some a$$ tonight", "a$$")]
    [InlineData("Don't be a bitch about it", "bitch")]
    [InlineData("s**t happens", "s**t")]
    [InlineData("Our girls water polo team kicked a** at CIF!", "a**")] // one letter, the rest masked
    [InlineData("What the f*** was that call", "f***")]
    [InlineData("Some a-hole keyed three cars in the staff lot.", "a-hole")] // a letter hyphenated to a word
    [InlineData("Kick some @ss, Tigers!", "@ss")] // a leading @ that is not a handle of the lexicon
    public void Scan_ObsceneWordsAndObfuscations_BlockAsObscene(string text, string word)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.Obscene));
        Assert.Equal(PolicyRules.Obscene, finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(word, finding.Covered(text));
        Assert.Equal("Content §3", finding.PolicyReference);
    }

    [Theory]
    [InlineData("These thots ain't loyal", "thots", Severity.Block)]
    [InlineData("Stop acting like pussies out there", "pussies", Severity.Block)]
    [InlineData("These hoes ain't loyal", "hoes", Severity.Review)] // also a garden tool: a reviewer decides
    [InlineData("she a hoe fr", "hoe", Severity.Review)]
    [InlineData("What a h0e", "h0e", Severity.Review)]
    [InlineData("This effing printer jammed again", "effing", Severity.Review)] // a minced oath: a reviewer decides
    [InlineData("Fcuk this weather", "Fcuk", Severity.Block)] // a transposed spelling
    [InlineData("5hit, the bus broke down again", "5hit", Severity.Block)] // a leading digit for a letter
    [InlineData("What the f#ck was that", "f#ck", Severity.Block)] // a mask inside a word, not a hashtag
    [InlineData("What the f@#k was that", "f@#k", Severity.Block)] // '@' beside a mask masks too
    [InlineData("Piss-poor refereeing all night", "Piss-poor", Severity.Review)]
    [InlineData("Lost my keys again. FML.", "FML", Severity.Review)]
    public void Scan_WordsFromDavidsonsMisses_AreObscene(string text, string word, Severity severity)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.Obscene));

        Assert.Equal(word, finding.Covered(text));
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void Scan_NiccaSpelling_IsASlur()
    {
        const string text = "wassup my nicca";

        var finding = Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.Harassment));

        Assert.Equal("nicca", finding.Covered(text));
        Assert.Equal("Discipline §7", finding.PolicyReference);
    }

    [Theory]
    [InlineData("shiiiit", "shiiiit")] // the whole text: read near the end, where the vector check cannot load
    [InlineData("What a bunch of shiiiit, honestly, what a game that was", "shiiiit")] // mid-text: the vector check
    [InlineData("That was fuuuuuuuuuuuuuuuuck awful and everyone saw it", "fuuuuuuuuuuuuuuuuck")] // past eight positions
    [InlineData("Well motherfuckkkker, that was close, everyone", "motherfuckkkker")] // the only triple past position 8
    [InlineData("What a game, bullshiiiit", "bullshiiiit")] // the last word: the scalar check near the end
    public void Scan_StretchedProfanity_IsFoundWhereverItStandsAndHowEverLong(string text, string word)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.Obscene));

        Assert.Equal(word, finding.Covered(text));
    }

    [Theory]
    [InlineData("Our exchange students visited Scunthorpe.")]
    [InlineData("Class starts at 8. The assessment is Friday.")]
    [InlineData("Thanks to Dick's Sporting Goods for the new jerseys!")]
    [InlineData("Summa cum laude graduates will wear gold cords.")]
    [InlineData("Bring a garden hoe to the planting day.")]
    [InlineData("The cocktail-free mocktail bar at prom")]
    [InlineData("Read Moby Dick over the break.")]
    [InlineData("Join us for cornhole at the fall festival.")]
    [InlineData("Celebrate the Negro Leagues centennial in history class.")]
    [InlineData("Breast cancer awareness walk on Saturday.")]
    [InlineData("Hancock Elementary passed the bass section test.")]
    [InlineData("The shuttlecock flew over the net.")]
    [InlineData("Our robotics team took 3rd place; 10am start, K12 league.")]
    [InlineData("She earned an A* in chemistry and an A-plus in art.")] // one star, a hyphenated grade
    [InlineData("Dig a hole, plant a tree: an A-frame shed for the garden.")]
    [InlineData("Wear your x-ray specs and your T-shirt to the e-sports night.")]
    [InlineData("Follow @ssmith_coach and @asb_wilson for updates.")] // handles that start like a swear word
    [InlineData("Rate us 5*** on the survey, thanks!")]
    [InlineData("The garden club needs rakes and hoes for Saturday's planting.")] // garden tools
    [InlineData("Donate shovels and hoes to the school garden.")]
    [InlineData("Square dancing at the hoe down Friday night.")]
    [InlineData("Ho ho ho! Santa visits the library on Friday.")]
    [InlineData("Thoth and Horus: 6th graders present their Egypt projects.")]
    [InlineData("The chef's stuffing recipe won; coffee and muffins after the meeting.")]
    [InlineData("Congrats to the 5th grade and the 3rd place relay; 4star reviews for the 10am show.")] // ordinals, not leet
    [InlineData("Follow #WilsonBruins and #Go4Gold this week.")] // hashtags stay hashtags
    public void Scan_WordsMerelyContainingOrResemblingProfanity_AreNothing(string text)
    {
        var result = TestDistrict.Scan(text);

        Assert.Empty(result.Of(FindingCategory.Obscene));
        Assert.Empty(result.Of(FindingCategory.Harassment));
    }

    [Theory]
    [InlineData("Those people are all faggots", "faggots")]
    [InlineData("I'm going to kill you after school", null)]
    [InlineData("kys loser", "kys")]
    [InlineData("You're so stupid, nobody likes you", null)]
    [InlineData("We will shoot up the school", null)]
    [InlineData("Those idiots in the front office lost my forms again", null)]
    [InlineData("You morons cost us the game", null)]
    [InlineData("What a bunch of losers on that bench", null)]
    [InlineData("Get out of the way, you idiot", null)]
    [InlineData("That moron of a ref blew every call", null)]
    [InlineData("Someone scrawled \"go back to Mexico\" on the library wall.", null)]
    [InlineData("Go back to China, nobody wants you here", null)]
    [InlineData("They should just go back to where they came from", null)]
    public void Scan_SlursAndThreats_BlockAsHarassment(string text, string? covered)
    {
        var result = TestDistrict.Scan(text);

        var findings = result.Of(FindingCategory.Harassment).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("discipline-7.harassment", f.RuleId));
        Assert.All(findings, f => Assert.Equal(Severity.Block, f.Severity));
        if (covered is not null)
            Assert.Contains(findings, f => f.Covered(text) == covered);
    }

    [Theory]
    [InlineData("Our dancers killed it at the showcase!")]
    [InlineData("Shoot for the stars, seniors!")]
    [InlineData("Photo shoot for yearbook on Monday.")]
    [InlineData("We beat them 3-1 in overtime.")]
    [InlineData("Trash pickup day: bring gloves.")]
    [InlineData("The shooting guard scored 21.")]
    [InlineData("The losers bracket starts at noon in the small gym.")]
    [InlineData("We play in the loser's bracket at 3 pm; this loser's round is single elimination.")]
    [InlineData("Win or lose, don't be a sore loser.")]
    [InlineData("Nobody is an idiot for asking a question in class.")]
    [InlineData("Our exchange students go back to Japan on Friday; come say goodbye at lunch.")]
    [InlineData("Go back to Canvas to submit the essay.")]
    [InlineData("After the trip, the band will go back to Mexico City next spring.")]
    public void Scan_SportsAndEverydayViolenceWords_AreNotHarassment(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Harassment));
    }

    [Fact]
    public void Scan_DeclaredMaterialWithFullCredit_Passes()
    {
        var post = new Post
        {
            Text = "Sunset over the harbor. Photo © Jane Doe, used with permission granted 3/4/2026.",
            ThirdPartyMaterial = [new ThirdPartyMaterial("Jane Doe")],
        };

        Assert.Empty(TestDistrict.Scan(post).Findings);
    }

    [Theory]
    [InlineData("Sunset over the harbor.")]
    [InlineData("Sunset over the harbor. Photo by Jane Doe.")]
    [InlineData("Sunset over the harbor. Photo © Jane Doe, used with permission.")]
    [InlineData("Sunset over the harbor. Photo © Jane Doe, 3/4/2026.")]
    public void Scan_DeclaredMaterialWithoutCompleteCredit_BlocksAsCopyright(string text)
    {
        var post = new Post { Text = text, ThirdPartyMaterial = [new ThirdPartyMaterial("Jane Doe")] };

        var finding = Assert.Single(TestDistrict.Scan(post).Findings);
        Assert.Equal(PolicyRules.CopyrightCredit, finding.RuleId);
        Assert.Equal(FindingCategory.Copyright, finding.Category);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal((0, 0), (finding.Start, finding.Length));
        Assert.Contains("Jane Doe", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OutsideOrganizationContent_ReviewsForDistrictAdmin()
    {
        var post = new Post { Text = "Join the Rotary Club's reading night!", OutsideOrganization = "Rotary Club" };

        var result = TestDistrict.Scan(post);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyRules.OutsideContent, finding.RuleId);
        Assert.Equal(FindingCategory.OutsideContent, finding.Category);
        Assert.Equal(Severity.Review, finding.Severity);
        Assert.Contains("DistrictAdmin", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Review, result.Verdict);
    }

    [Theory]
    [InlineData("Whoever left the \"f u c k finals\" sign: it is coming down.", "f u c k")]
    [InlineData("That call was s h i t, honestly.", "s h i t")]
    public void Scan_ProfanitySpelledWithSpaces_BlocksAsObscene(string text, string word)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.Obscene));

        Assert.Equal(word, finding.Covered(text));
    }

    [Theory]
    [InlineData("Grades A B C and D count; E is not used.")]
    [InlineData("Rows a b c d are reserved for families.")]
    [InlineData("Plan B is a bus at 3.")]
    public void Scan_SingleLettersInARow_AreNotObscene(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Obscene));
    }

    [Fact]
    public void Scan_MaskedProfanityThatAlsoFitsASlur_IsReportedAsObsceneNotHarassment()
    {
        var result = TestDistrict.Scan("Coach said: \"F***ing leave it all on the field!\"");

        Assert.Single(result.Of(FindingCategory.Obscene));
        Assert.Empty(result.Of(FindingCategory.Harassment));
    }

    [Fact]
    public void Scan_SentenceRules_GiveTheSameFindingsEveryTimeWhateverTheMachineLoad()
    {
        // A busy machine must not drop a finding (a 50 ms wall-clock timeout once did).
        var results = Enumerable.Range(0, 200).AsParallel()
            .Select(_ => TestDistrict.Scan("Please vote yes on Measure K so our kids get new classrooms!").Of(FindingCategory.Campaign).Count())
            .ToList();

        Assert.All(results, count => Assert.Equal(1, count));
    }
}
