namespace Steward.Scanning.Tests;

/// <summary>
/// Discipline §2/§7 sentence rules of the third harassment round (rules-harassment.txt, "Third held-out round"): small
/// vocabularies (violent verbs and body parts, insulting adjectives and words for people, groups and hostile
/// predicates) combined by shape, so wordings no set has shown yet are read. Each rule has positives in at least two
/// wordings (none copied from the held-out set) and near misses a school account writes.
/// </summary>
public sealed class ThreatAndGroupInsultTests3
{
    // ---------------------------------------------------------------- violence to the body

    [Theory]
    [InlineData("Catch me after practice and I'll smash your teeth in.", "I'll smash your teeth")]
    [InlineData("We're gonna snap his neck if he shows up Friday.", "We're gonna snap his neck")]
    [InlineData("im gonna bust ur nose", "im gonna bust ur nose")]
    [InlineData("Say that again and I'll punch you in the mouth.", "I'll punch you in the mouth")]
    [InlineData("Someone should kick him in the head for that call.", "Someone should kick him in the head")]
    [InlineData("Wait by the gym after sixth period, I will rip your arms off.", "I will rip your arms")]
    public void Scan_ThreatToSomeonesBody_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Break a leg tonight, cast of Into the Woods!")]
    [InlineData("I'll break down the plan for the fundraiser at lunch.")]
    [InlineData("Don't break your neck on the icy steps this morning.")]
    [InlineData("We're going to break the school record in the 4x400!")]
    [InlineData("I'll kick your butt at Mario Kart during game night.")]
    [InlineData("Linemen, hit them in the numbers and drive your legs.")]
    [InlineData("Watch the kick-off at 7 and stretch your legs at halftime.")]
    public void Scan_SportsAndTheaterTalk_IsNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- menace

    [Theory]
    [InlineData("He's gonna get what's coming, just wait.", "get what's coming")]
    [InlineData("Whoever keyed my car will get what's coming to them.", "get what's coming to them")]
    [InlineData("Y'all are gonna all regret it tomorrow.", null)]
    [InlineData("Don't worry, they'll get what's coming after the game.", "get what's coming")]
    [InlineData("You will all pay.", "You will all pay")]
    public void Scan_MenaceWithoutAnAct_BlocksAsHarassment(string text, string? covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("I'm bringing something to campus Monday, and y'all will be sorry.", null)]
    [InlineData("We're bringing something to school on Friday so everyone is gonna regret it.", null)]
    public void Scan_BringingSomethingThenAWarning_BlocksAsHarassment(string text, string? covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Find out what's coming up next week on the events calendar.")]
    [InlineData("Seniors, you'll get what's coming up in the spring newsletter.")]
    [InlineData("I'm bringing something to class tomorrow and you'll all love it!")]
    [InlineData("You'll be sorry if you miss this sale!")]
    [InlineData("You'll all pay the same $5 entry at the gate.")]
    public void Scan_TeasersAndPromotions_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- taunts

    [Theory]
    [InlineData("Run home and cry to your mama.", "Run home and cry to your mama")]
    [InlineData("lol go cry somewhere else", "go cry somewhere else")]
    [InlineData("Nice airball, idiot.", ", idiot")]
    [InlineData("Sit down, you big loser!", "you big loser")]
    public void Scan_TauntsAndNames_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The cry room at the back of the theater is open for families with babies.")]
    [InlineData("Mommy and me swim lessons start Saturday.")]
    [InlineData("Winners advance, losers play in the consolation bracket.")]
    [InlineData("It's okay to cry; go talk to your counselor.")]
    public void Scan_CryRoomAndBrackets_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- insulting adjectives and people

    [Theory]
    [InlineData("Their shortstop is a talentless clown.", "talentless clown")]
    [InlineData("That brainless janitor never empties our bins.", "brainless janitor")]
    [InlineData("you spineless coward", "spineless coward")]
    [InlineData("Stupid, fat refs ruined the game.", "Stupid, fat refs")]
    [InlineData("Useless lazy officials again tonight.", "Useless lazy officials")]
    [InlineData("Lazy and fat umps, every single game.", "Lazy and fat umps")]
    [InlineData("Coach Ray is a pathetic excuse for a coach.", "pathetic excuse for a coach")]
    public void Scan_InsultingAdjectivesForAPerson_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Join us for the fat tire bike race on Saturday!")]
    [InlineData("Nothing beats a lazy Sunday after finals.")]
    [InlineData("The clown show fundraiser raised $400 for the band.")]
    [InlineData("Rain is no excuse for a player to skip warm-ups.")]
    [InlineData("Our lazy river field trip is Friday.")]
    [InlineData("Congratulations to our special ed teachers of the year!")]
    [InlineData("Study hacks for lazy students: start with a planner.")]
    [InlineData("Remember: you are not a worthless person, and help is here.")]
    public void Scan_LazySundayAndClownShow_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- a group, one person of it included

    [Theory]
    [InlineData("That Jewish kid doesn't belong in our class.", "Jewish kid doesn't belong in")]
    [InlineData("trans athletes ruin the sport", "trans athletes ruin the sport")]
    [InlineData("Immigrants are destroying our town.", "Immigrants are destroying our")]
    [InlineData("The autistic kids should be kept away from the normal kids.", "autistic kids should be kept away from the normal kids")]
    [InlineData("Disabled students should be put in their own school.", "Disabled students should be put in their own school")]
    [InlineData("Those Mexican families need to go back.", "Mexican families need to go back")]
    public void Scan_HostilityToAGroupOrOneOfIt_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The Muslim Student Association meets in Room 12 on Thursdays.")]
    [InlineData("The Gay-Straight Alliance welcomes everyone to Pride Week.")]
    [InlineData("Special ed students will be kept in the library during the fire drill.")]
    [InlineData("Our Black Student Union belongs to the county BSU network.")]
    [InlineData("Muslim students who are fasting can use Room 204 at lunch.")]
    [InlineData("Rain ruins everything, so the carnival moves to the gym.")]
    public void Scan_StudentGroupsAndAccommodations_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- triggers

    public static TheoryData<string> AllExamples() => SentenceRuleAssert.InlineTexts<ThreatAndGroupInsultTests3>();

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Scan_EveryExampleHere_TriggersFindWhatReadingEverySentenceFinds(string text) =>
        SentenceRuleAssert.TriggersFindWhatEverySentenceFinds(text, expectFindings: false, FindingCategory.Harassment);
}
