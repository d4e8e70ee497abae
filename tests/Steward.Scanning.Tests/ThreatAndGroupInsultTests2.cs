namespace Steward.Scanning.Tests;

/// <summary>
/// Discipline §2/§7 sentence rules of the second harassment round (rules-harassment.txt, "Second held-out round"):
/// wishes of harm, dares, grudges, school-violence hints, urged vandalism, disability hostility, "no business here"
/// and name-calling adjectives. Each rule has positives in at least two wordings (none copied from the held-out set)
/// and near misses a school account writes.
/// </summary>
public sealed class ThreatAndGroupInsultTests2
{
    // ---------------------------------------------------------------- wishes of harm

    [Theory]
    [InlineData("That ref deserves to get hurt for that call.", "deserves to get hurt")]
    [InlineData("Honestly their whole bench deserves to be beaten up.", "deserves to be beaten up")]
    [InlineData("He deserves what's coming to him.", "deserves what's coming to him")]
    [InlineData("She's got it coming.", "She's got it coming")]
    [InlineData("That snitch has it coming, trust me.", "That snitch has it coming")]
    public void Scan_WishingHarmOnSomeone_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Nobody deserves to get hurt at school. Report bullying to any staff member.")]
    [InlineData("No student deserves to be bullied.")]
    [InlineData("You don't deserve to be bullied, and you are not alone.")]
    [InlineData("Our seniors deserve to get recognized for their service hours.")]
    [InlineData("We have it coming up on the calendar next week.")]
    public void Scan_AntiBullyingAndRecognition_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- intimidation

    [Theory]
    [InlineData("We know which house is his.", "We know which house is his")]
    [InlineData("I know which truck you drive, Mr. Ortiz.", "I know which truck you drive")]
    public void Scan_KnowingWhichCarOrHouseIsSomeones_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Do you know which bus is yours? Check the board by the office.")]
    [InlineData("I know which locker is mine now, thanks Ms. Reyes!")]
    public void Scan_AskingWhichBusOrLockerIsYours_IsNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Touch my car again and find out.", "Touch my car again and find out")]
    [InlineData("Cut my daughter one more time and see what happens.", "Cut my daughter one more time and see what happens")]
    [InlineData("Go ahead, try me and find out!", "try me and find out")]
    [InlineData("Mess with my little brother and find out.", "Mess with my little brother and find out")]
    public void Scan_DareWithAnUnspokenConsequence_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Come to the open house and find out!")]
    [InlineData("Read the newsletter and find out more at the meeting.")]
    [InlineData("Mix the two liquids again and see what happens.")]
    [InlineData("Let's run the play one more time and see what happens.")]
    [InlineData("Do it again and see what happens to the balloon.")]
    [InlineData("Try the new lunch menu and find out why everyone loves it.")]
    public void Scan_InvitationsAndExperiments_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("You're gonna regret it if you ever come back here.", "You're gonna regret it if you ever")]
    [InlineData("She'll be sorry if she tells anyone.", "She'll be sorry if she tells anyone")]
    [InlineData("You will be sorry if you snitch.", "You will be sorry if you snitch")]
    public void Scan_SorryIfYouShowUpOrTell_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("You'll be sorry if you miss this sale!")]
    [InlineData("You'll be sorry if you don't order your yearbook by Friday.")]
    [InlineData("You'll be sorry if you show up late to the SAT.")]
    public void Scan_PromotionsAndAdvice_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Whoever stole my phone is gonna pay.", "Whoever stole my phone is gonna pay")]
    [InlineData("Everybody who voted me off the team will regret it.", "Everybody who voted me off the team will regret it")]
    [InlineData("Anyone who talked trash about my sister will pay for this.", "Anyone who talked trash about my sister will pay for this")]
    public void Scan_GrudgeAgainstThoseWhoDidSomething_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Everyone who registers after Friday will pay the late fee.")]
    [InlineData("Anyone who parks in the fire lane will pay a fine.")]
    [InlineData("Everyone who orders a shirt will pay at pickup.")]
    public void Scan_FeesAndFines_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- school violence and vandalism

    [Theory]
    [InlineData("I'm bringing my dad's gun to school tomorrow.", "I'm bringing my dad's gun to school")]
    [InlineData("I'll bring something to class Friday, so stay home.", "I'll bring something to class Friday")]
    [InlineData("We're bringing something to school tomorrow, watch out.", "We're bringing something to school tomorrow")]
    [InlineData("im bringing something to school monday so stay home", "im bringing something to school monday")]
    public void Scan_StudentAnnouncingAWeaponOrSomethingForSchool_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("I'm bringing something to school Monday to share with the class!")]
    [InlineData("Bring something to share to school Monday for the potluck.")]
    [InlineData("I'll bring something to class Friday for the bake sale.")]
    [InlineData("We're bringing something to school Monday that you'll love: therapy dogs!")]
    [InlineData("I'm bringing something to class tomorrow, you'll love it!")]
    [InlineData("I'm bringing something to school tomorrow. Guess what it is!")]
    public void Scan_PotlucksAndSurprises_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Someone needs to key Coach's car.", "Someone needs to key Coach's car")]
    [InlineData("We should egg his house tonight.", "We should egg his house")]
    [InlineData("let's slash their tires lol", "let's slash their tires")]
    [InlineData("Somebody should burn down the ump's house.", "Somebody should burn down the ump's house")]
    public void Scan_UrgingVandalismOfSomeonesCarOrHouse_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Someone should check the tires on the activity bus.")]
    [InlineData("We should wash the coach's car at the fundraiser!")]
    [InlineData("Smash the old car for $1 a swing at the carnival!")]
    [InlineData("Dye the eggs, then egg the house at the Easter hunt? No: hide them in the yard.")]
    public void Scan_CarWashesAndCarSmashFundraisers_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- groups

    [Theory]
    [InlineData("Students with autism hold the whole class back.", "Students with autism hold the whole class back")]
    [InlineData("Special ed kids shouldn't be in regular classrooms.", "Special ed kids shouldn't be in regular classrooms")]
    [InlineData("people in wheelchairs are a burden", "people in wheelchairs are a burden")]
    public void Scan_HostilityTowardsDisabledStudents_BlocksAsHarassment(string text, string covered) =>
        SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("Students in wheelchairs can use the east ramp during construction.")]
    [InlineData("Students with IEPs should be in their regular classes by 8:15.")]
    [InlineData("Kids with disabilities shouldn't be left out of field day: sign up for the unified team!")]
    [InlineData("Deaf students will have an interpreter at the assembly.")]
    public void Scan_AccessibilityAndInclusionNotices_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Immigrants have no business in our schools.", "Immigrants have no business in")]
    [InlineData("Girls have no business coaching boys' football.", "Girls have no business coaching")]
    [InlineData("Gay kids have no business being on the team.", "Gay kids have no business being")]
    public void Scan_GroupHasNoBusinessHere_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The team has no business losing to them.")]
    [InlineData("Phones have no business in the testing room.")]
    [InlineData("Our girls have a business club meeting Thursday.")]
    public void Scan_SportsTalkAndPhoneRules_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- name-calling adjectives

    [Theory]
    [InlineData("Coach Daley is a sorry excuse for a coach.", "sorry excuse for a coach")]
    [InlineData("What a joke of a principal.", "joke of a principal")]
    [InlineData("That incompetent ref cost us the game.", "That incompetent ref")]
    [InlineData("Ms. Grant is such a useless, lazy counselor.", "such a useless, lazy counselor")]
    [InlineData("You're useless.", "You're useless")]
    [InlineData("Our counselor is completely incompetent.", "Our counselor is completely incompetent")]
    [InlineData("Honestly Mr. Kline is useless.", "Mr. Kline is useless")]
    [InlineData("Mrs. Kline is useless.", "Mrs. Kline is useless")] // a title opening the text does not end a sentence
    [InlineData("Mr. Kline is useless.", "Mr. Kline is useless")]
    public void Scan_NameCallingAdjectives_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The useless old projector in room 12 is finally being replaced.")]
    [InlineData("Your phone is useless without a charger, so bring one.")]
    [InlineData("He's useless at chess, he says, but he still won the tournament!")]
    [InlineData("Ms. Fox told the joke of the day at the assembly.")]
    [InlineData("A dead battery makes the calculator useless.")]
    public void Scan_UselessThingsAndJokesOfTheDay_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    [Theory]
    [InlineData("Their refs are garbage.", "refs are garbage")]
    [InlineData("That coach is straight trash.", "coach is straight trash")]
    public void Scan_PeopleCalledTrash_BlocksAsHarassment(string text, string covered) => SentenceRuleAssert.Harassment(text, covered);

    [Theory]
    [InlineData("The kids are trash pickup volunteers this Saturday.")]
    [InlineData("The cafeteria food is garbage, say the students in our survey.")]
    public void Scan_TrashPickupAndFoodReviews_AreNotHarassment(string text) => SentenceRuleAssert.NoHarassment(text);

    // ---------------------------------------------------------------- triggers

    public static TheoryData<string> AllExamples() => SentenceRuleAssert.InlineTexts<ThreatAndGroupInsultTests2>();

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Scan_EveryExampleHere_TriggersFindWhatReadingEverySentenceFinds(string text) =>
        SentenceRuleAssert.TriggersFindWhatEverySentenceFinds(text, expectFindings: false, FindingCategory.Harassment);
}
