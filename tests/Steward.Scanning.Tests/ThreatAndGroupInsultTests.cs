namespace Steward.Scanning.Tests;

/// <summary>
/// Discipline §2/§7 sentence rules (rules-harassment.txt) beyond the first phrase list: threats worded without
/// "kill"/"hurt", hostility towards a protected group, dehumanizing and name-calling nouns. Each rule has positives
/// in at least two wordings and near misses a school account writes every week.
/// </summary>
public sealed class ThreatAndGroupInsultTests
{
    // ---------------------------------------------------------------- threats

    [Theory]
    [InlineData("Anybody from Lakewood who comes to the game is getting jumped after.", "is getting jumped")]
    [InlineData("You're gonna get jumped walking home tonight.", "'re gonna get jumped")]
    [InlineData("That kid is going to get stabbed if he keeps talking.", "going to get stabbed")]
    [InlineData("Whoever took my shoes is getting beat up tomorrow.", "is getting beat up")]
    [InlineData("Say that again and you'll get shot.", "you'll get shot")]
    public void Scan_AssaultAnnouncedForSomeone_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("If you get jumped or threatened, tell a staff member right away.")]
    [InlineData("Slow down in the parking lot or someone is going to get hurt.")]
    [InlineData("Yearbook portraits are getting shot on Thursday.")]
    [InlineData("Our proposal is going to get shot down again.")]
    [InlineData("That kid is getting better every day.")]
    public void Scan_SafetyAdviceAndPhotoShoots_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("She'd better watch her back at practice.", "better watch her back")]
    [InlineData("That snitch better start watching his back.", "better start watching his back")]
    [InlineData("They best watch their backs after school.", "best watch their backs")]
    public void Scan_BetterWatchTheirBack_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The offensive line has to watch his back on every snap.")]
    [InlineData("Watch your step on the wet floor by the gym.")]
    [InlineData("You'd better watch out, you'd better not cry: Santa visits the library Friday!")]
    public void Scan_ProtectingATeammateOrWatchingYourStep_IsNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("We know where your family lives.", "We know where your family lives")]
    [InlineData("I know where the coach parks every morning.", "I know where the coach parks")]
    [InlineData("I know where she sleeps.", "I know where she sleeps")]
    [InlineData("I know where Trey lives, tell him that.", "I know where Trey lives")]
    [InlineData("We know where Ms. Lee parks.", "We know where Ms. Lee parks")]
    public void Scan_KnowingWhereSomeoneLivesOrParks_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("I know where the buses park on game days.")]
    [InlineData("Do you know where he lives? We need to deliver his trophy.")]
    [InlineData("Let us know where you live so we can assign a bus stop.")]
    [InlineData("We know where the coach parks the equipment trailer.")]
    [InlineData("Parks and Rec summer camp sign-ups are open.")]
    [InlineData("I know where the band room is.")]
    public void Scan_AskingOrTellingWhereThingsAre_IsNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Don't tell anyone what you saw or you'll regret it.", "Don't tell anyone what you saw or you'll regret it")]
    [InlineData("Keep quiet about the locker room or else.", "Keep quiet about the locker room or else")]
    [InlineData("Tell a teacher and you'll be sorry.", "Tell a teacher and you'll be sorry")]
    [InlineData("Stay away from my girlfriend or you're gonna pay.", "Stay away from my girlfriend or you're gonna pay")]
    [InlineData("Give it back or you will regret it.", "Give it back or you will regret it")]
    [InlineData("Snitches get stitches.", "Snitches get stitches")]
    public void Scan_DemandForSilenceOrDistanceWithAThreat_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("You'll regret missing this concert!")]
    [InlineData("Don't miss the spring musical or you'll regret it!")]
    [InlineData("Wear sunscreen at the meet or you'll be sorry!")]
    [InlineData("Stay away from the construction zone or you'll get hurt.")]
    [InlineData("Keep your phones in your backpack or they'll be confiscated.")]
    [InlineData("Back off the ball carrier or you'll pay a penalty.")]
    public void Scan_PlayfulPromotionAndSafetyWarnings_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Quit the team before we make you.", "before we make you")]
    [InlineData("Leave now or we'll make you!", "or we'll make you")]
    [InlineData("We'll make you pay for this.", "We'll make you pay")]
    [InlineData("I will make him regret it.", "I will make him regret it")]
    public void Scan_MakeYouThreat_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("We'll make you proud, Bruins!")]
    [InlineData("Order by Friday or we'll make you one next week.")]
    [InlineData("Come early or we'll make you wait in line!")]
    [InlineData("Coach will make you run laps if you're late.")]
    [InlineData("We'll make you feel right at home at Back to School Night.")]
    public void Scan_MakeYouPromise_IsNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- protected groups

    [Theory]
    [InlineData("Muslims go home.", "Muslims go home")]
    [InlineData("Someone wrote \"Immigrants go home\" on the wall.", "Immigrants go home")]
    [InlineData("Haitians go back to your island", "Haitians go back to")]
    [InlineData("All refugees get out", "refugees get out")]
    public void Scan_GroupToldToGoHome_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Students go home at 2:15 on minimum days.")]
    [InlineData("Our Japanese exchange students go home on Friday.")]
    [InlineData("Our Haitian families go home for the holidays.")]
    [InlineData("The special ed students go home at 1:30 on Fridays.")]
    public void Scan_StudentsGoingHome_IsNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Disabled kids shouldn't be allowed in regular classes.", "Disabled kids shouldn't be allowed")]
    [InlineData("Muslims should not be allowed at our school.", "Muslims should not be allowed")]
    [InlineData("Gay students shouldn't be allowed at prom.", "Gay students shouldn't be allowed")]
    [InlineData("Immigrants should be deported.", "Immigrants should be deported")]
    [InlineData("Trans kids don't belong on our teams.", "Trans kids don't belong on")]
    [InlineData("Mexicans aren't welcome here.", "Mexicans aren't welcome")]
    [InlineData("Mexicans are all criminals.", "Mexicans are all criminals")]
    [InlineData("Muslims are terrorists.", "Muslims are terrorists")]
    [InlineData("I hate Mexicans.", "I hate Mexicans")]
    [InlineData("Deport all the immigrants", "Deport all the immigrants")]
    public void Scan_GroupExcludedOrVilified_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Kids shouldn't be allowed to bring phones into exams.")]
    [InlineData("Students shouldn't be allowed in the gym without a coach.")]
    [InlineData("Boys shouldn't be allowed in the girls' locker room.")]
    [InlineData("Immigrant parents are welcome at the ESL night.")]
    [InlineData("Christians, Jews and Muslims joined the interfaith panel.")]
    [InlineData("Refugees from Ukraine joined our ESL class this fall.")]
    [InlineData("Gay and lesbian alumni are invited to the Pride mixer.")]
    [InlineData("Special ed kids shouldn't miss the field day bus.")]
    public void Scan_SchoolRulesAndWelcomes_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Women can't drive.", "Women can't drive")]
    [InlineData("Girls cannot play sports as well as boys.", "Girls cannot play sports")]
    [InlineData("Girls can’t coach varsity.", "Girls can’t coach")]
    [InlineData("Girls are too emotional to be captains.", "Girls are too emotional")]
    [InlineData("Women are bad at math.", "Women are bad at math")]
    [InlineData("Girls shouldn't be allowed to coach.", "Girls shouldn't be allowed to coach")]
    [InlineData("Women belong in the kitchen.", "Women belong in the kitchen")]
    public void Scan_StereotypeAboutSex_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Girls can't wait for the winter formal!")]
    [InlineData("Girls can't miss Tuesday's practice.")]
    [InlineData("JV girls can't play Friday because of the tournament.")]
    [InlineData("Our girls are too fast for this league!")]
    [InlineData("The girls are not strong enough to lift the set pieces, so dads please help.")]
    [InlineData("Deaf students can't hear the bell, so we added lights.")]
    [InlineData("White Men Can't Jump is the movie tonight.")]
    [InlineData("Girls are invited to the STEM night.")]
    [InlineData("Thanks to the culinary students who went back to the kitchen for more plates.")]
    public void Scan_SchedulesAndPraiseAboutGirlsAndBoys_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("The Jews control the media.", "The Jews control the media")]
    [InlineData("Jewish people run the banks.", "Jewish people run the banks")]
    [InlineData("Zionists secretly run the government.", "Zionists secretly run the government")]
    [InlineData("Immigrants are taking over our town.", "Immigrants are taking over")]
    public void Scan_ConspiracyTropeAboutAGroup_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The Jets run the AFC this year.")]
    [InlineData("Seniors run the spirit rally on Friday.")]
    [InlineData("Jewish students run the Hanukkah celebration at lunch.")]
    [InlineData("Our Muslim Student Association runs the interfaith food drive.")]
    [InlineData("Our immigrant families run the best food booths at the fair.")]
    public void Scan_ClubsAndTeamsRunningThings_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- dehumanizing and name-calling

    [Theory]
    [InlineData("Those fans were a bunch of animals.", "were a bunch of animals")]
    [InlineData("Their team is a pack of savages.", "is a pack of savages")]
    [InlineData("Lakewood players are thugs.", "are thugs")]
    [InlineData("You thugs need to stay off our campus.", "You thugs")]
    [InlineData("What a bunch of dirty savages.", "bunch of dirty savages")]
    public void Scan_PeopleCalledAnimalsOrThugs_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The animals at the zoo field trip were the highlight for our second graders.")]
    [InlineData("We saw a bunch of animals at the petting zoo.")]
    [InlineData("Those animals at the shelter need forever homes.")]
    [InlineData("Go Bulldogs! We're a pack of dogs on defense!")]
    [InlineData("Ticks are parasites that carry disease.")]
    [InlineData("Our seniors were a bunch of champions tonight.")]
    public void Scan_AnimalsAtTheZooAndTeamSpirit_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("The new sub is a total bimbo.", "is a total bimbo")]
    [InlineData("That ref is an imbecile.", "is an imbecile")]
    [InlineData("Those dimwits in the office lost my form.", "Those dimwits")]
    [InlineData("Get lost, you nitwit", "you nitwit")]
    [InlineData("Dumb losers.", "Dumb losers.")]
    [InlineData("Total idiots!", "Total idiots!")]
    [InlineData("You're a disgrace to this school.", "You're a disgrace")]
    [InlineData("You are such a joke.", "You are such a joke")]
    [InlineData("your a loser", "your a loser")]
    public void Scan_NameCalling_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Thank you Bimbo Bakeries for the bread donation!")]
    [InlineData("Winners and losers.")]
    [InlineData("That was a disgrace of a call by the ref.")]
    [InlineData("You're a joker, Mr. Patel!")]
    [InlineData("The experiment was a failure but we learned a lot.")]
    [InlineData("Idiot-proof instructions are on the back.")]
    [InlineData("Take your trash with you, fans.")]
    [InlineData("Pick up ur trash after lunch.")]
    [InlineData("Did you trash the old posters?")]
    public void Scan_BakeriesFailuresAndTrashPickup_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Those r3tards on the bus.", "r3tards")]
    [InlineData("go home you dyk3s", "dyk3s")]
    public void Scan_LeetspeakPluralOfASlur_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    // ---------------------------------------------------------------- triggers

    public static TheoryData<string> AllExamples() => SentenceRuleAssert.InlineTexts<ThreatAndGroupInsultTests>();

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Scan_EveryExampleHere_TriggersFindWhatReadingEverySentenceFinds(string text) =>
        SentenceRuleAssert.TriggersFindWhatEverySentenceFinds(text, expectFindings: false, FindingCategory.Harassment);
}
