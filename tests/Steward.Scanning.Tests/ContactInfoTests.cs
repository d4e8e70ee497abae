namespace Steward.Scanning.Tests;

public sealed class ContactInfoTests
{
    [Theory]
    [InlineData("Call (562) 555-0134 for details.", "(562) 555-0134")]
    [InlineData("Questions? 562.555.0134", "562.555.0134")]
    [InlineData("Reach her at +1 562 555 0134 today", "+1 562 555 0134")]
    [InlineData("Coach line: 562-555-0134 ext. 12.", "562-555-0134 ext. 12")]
    [InlineData("Order at 562-555-FOOD now", "562-555-FOOD")]
    [InlineData("Text 5625550134 to join", "5625550134")]
    [InlineData("My number is 1 (312) 515-2239", "1 (312) 515-2239")]
    [InlineData("Call 312-515-2239 x12", "312-515-2239 x12")]
    [InlineData("Tel:415-666-7777.", "415-666-7777")]
    [InlineData("Call me at 555-0134 after practice", "555-0134")]
    [InlineData("My number is (415) 666 7777. 34215 is my ZIP code.", "(415) 666 7777")] // another number follows
    [InlineData("Text 562-555-0134 100 times if you must", "562-555-0134")]
    [InlineData("Call 562 555 0134 9 am to 5 pm", "562 555 0134")]
    [InlineData("text me at five six two, five five five, zero one three four", "five six two, five five five, zero one three four")] // spelled out
    [InlineData("Call Five-Six-Two Five-Five-Five Oh-One-Three-Four tonight", "Five-Six-Two Five-Five-Five Oh-One-Three-Four")]
    public void Scan_PhoneNumberSpellings_BlockAsContactInfo(string text, string phone)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.ContactInfo));
        Assert.Equal(PolicyRules.Phone, finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(phone, finding.Covered(text));
        Assert.Equal(Verdict.Block, result.Verdict);
        Assert.Equal("Privacy §2", finding.PolicyReference);
        Assert.Contains("school office's public number", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Order at 1-800-FLOWERS now", "1-800-FLOWERS")]
    [InlineData("Tip line: 1-800-782-7463", "1-800-782-7463")]
    public void Scan_TollFreeNumber_IsFoundButOnlyInfo(string text, string phone)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Findings);

        Assert.Equal(PolicyRules.Phone, finding.RuleId);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(phone, finding.Covered(text));
    }

    [Fact]
    public void Scan_PhoneInParentheses_BlocksAsContactInfo()
    {
        var result = TestDistrict.Scan("Call (562) 555-0134");

        Assert.Equal(Verdict.Block, result.Verdict);
        Assert.Equal(FindingCategory.ContactInfo, Assert.Single(result.Findings).Category);
    }

    [Theory]
    [InlineData("Final score 21-14, great game!")]
    [InlineData("Game day is 3/4/2026 at 7:30 pm.")]
    [InlineData("Tickets are $1,250.00 for the whole season")]
    [InlineData("Number 23 scored twice; #12 had 3 assists.")]
    [InlineData("Mail entries to Long Beach, CA 90803 by Friday.")]
    [InlineData("We raised $5,550.25 in 2025-2026!")]
    [InlineData("The 2012-01-02 08:00 meeting moved.")]
    [InlineData("Rooms 101-105 and 201-210 are open 8:00-3:30.")]
    [InlineData("Won 4-3, 6-2, 7-5 in straight sets.")]
    [InlineData("Class of 2026: 455 graduates, 98.5% college bound")]
    [InlineData("Order #1234567 shipped")]
    [InlineData("Doors open 6:30, show 7:00-9:15.")]
    [InlineData("Serial 562-555-0134-77 on the back of the scoreboard")] // a longer code, not a phone and a number
    [InlineData("Totals: 120 340 5560 12 (points, rebounds, minutes, games)")] // no area code starts with 1
    [InlineData("ISBN 978-0-306-40615-7 for the summer reading book")]
    [InlineData("Count with us: one, two, three, four, five, six, seven, eight, nine, ten!")] // counting, not a number
    [InlineData("Final countdown: nine eight seven six five four three two one zero, liftoff!")] // ten digit words, a countdown
    [InlineData("Call us at 555-0134")] // 7 digits need a cue word close by — "call" is one
    public void Scan_NumbersThatOnlyLookLikePhones_AreNotPhones(string text)
    {
        var result = TestDistrict.Scan(text);

        if (text.StartsWith("Call us", StringComparison.Ordinal))
        {
            Assert.Single(result.Of(FindingCategory.ContactInfo));
            return;
        }

        Assert.Empty(result.Of(FindingCategory.ContactInfo));
    }

    [Fact]
    public void Scan_SevenDigitsWithoutCueWord_IsNotAPhone()
    {
        var result = TestDistrict.Scan("Section 555-0134 of the handbook");

        Assert.Empty(result.Of(FindingCategory.ContactInfo));
    }

    [Fact]
    public void Scan_SitePublicPhone_IsInfoNotBlock()
    {
        var result = TestDistrict.Scan("Questions? Call the front office at 562-555-0100.");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Theory]
    [InlineData("Email jane.doe@gmail.com for the carpool list", "jane.doe@gmail.com")]
    [InlineData("Send it to jane [at] gmail [dot] com", "jane [at] gmail [dot] com")]
    [InlineData("Parents can email john at gmail dot com", "john at gmail dot com")]
    [InlineData("My email is john at gmail.com", "john at gmail.com")]
    [InlineData("Write to jdoe(at)yahoo(dot)com", "jdoe(at)yahoo(dot)com")]
    [InlineData("RSVP: HELLO@EXAMPLE.COM.", "HELLO@EXAMPLE.COM")]
    public void Scan_EmailSpellings_BlockAsContactInfo(string text, string email)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.ContactInfo));
        Assert.Equal(PolicyRules.Email, finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(email, finding.Covered(text));
    }

    [Theory]
    [InlineData("Shop at Amazon.com for the wishlist items")]
    [InlineData("Follow us @WilsonBruins for updates")]
    [InlineData("Meet at the gym at 7.")]
    [InlineData("My email is info@presidio.")]
    [InlineData("this is not an email: hello-world here")]
    public void Scan_TextThatIsNotAnEmail_HasNoEmailFinding(string text)
    {
        var result = TestDistrict.Scan(text);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == PolicyRules.Email);
    }

    [Fact]
    public void Scan_StaffWorkEmailOnAllowedDomain_IsInfo()
    {
        var result = TestDistrict.Scan("Contact Ms. Rivera at privera@lbusd.org with questions.");

        var finding = Assert.Single(result.Of(FindingCategory.ContactInfo));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public void Scan_SitePublicEmail_IsInfo()
    {
        var result = TestDistrict.Scan("Send forms to office@whs.lbusd.org.");

        Assert.Equal(Severity.Info, Assert.Single(result.Findings).Severity);
    }

    [Fact]
    public void Scan_SubdomainOfAllowedDomain_IsStillBlocked()
    {
        // Student accounts often live on a subdomain; only the listed domain itself is staff mail.
        var result = TestDistrict.Scan("Email 123456@students.lbusd.org");

        Assert.Equal(Severity.Block, Assert.Single(result.Findings).Severity);
    }

    [Theory]
    [InlineData("Drop off at 1234 E. Ocean Blvd., Apt 5 by noon.", "1234 E. Ocean Blvd., Apt 5")]
    [InlineData("The Lees live at 56 N First St NY 90210", "56 N First St NY 90210")]
    [InlineData("Mail checks to PO Box 1234.", "PO Box 1234")]
    [InlineData("Please mail donations to the booster club at PO Box 2044.", "PO Box 2044")] // a venue word does not excuse a PO box
    [InlineData("Mail checks to P.O. Box 77, Long Beach, CA 90801", "P.O. Box 77, Long Beach, CA 90801")]
    [InlineData("Pick up at 123 main st after 5", "123 main st")]
    [InlineData("Party at 4410 Country Club Drive #12!", "4410 Country Club Drive #12")]
    [InlineData("Forms go to 4521 E. Broadway, Apt 12 by Friday", "4521 E. Broadway, Apt 12")]
    [InlineData("Room 12 volunteers: meet at 1234 Ocean Blvd at 9", "1234 Ocean Blvd")]
    [InlineData("Won 21 to 14! Party at 88 Court St, Long Beach, CA 90802.", "88 Court St, Long Beach, CA 90802")]
    [InlineData("Final 3-1. Bring cans to 2219 Orchard Avenue today.", "2219 Orchard Avenue")]
    [InlineData("bring the cans to 2219 orchard avenue after practice", "2219 orchard avenue")]
    [InlineData("carpool leaves from 418 cedar street at 7", "418 cedar street")]
    [InlineData("Send care packages to SGT Rivera, PSC 1234, Box 5678, APO AE 09001.", "PSC 1234, Box 5678, APO AE 09001")]
    [InlineData("Her mom's address: Unit 4719 Box 7394 DPO AP 96520", "Unit 4719 Box 7394 DPO AP 96520")]
    [InlineData("Cards go to CMR 402 Box 17 APO AE 09180 by Monday", "CMR 402 Box 17 APO AE 09180")]
    [InlineData("Letters for his dad: USS Grace Hopper FPO AP 96661", "USS Grace Hopper FPO AP 96661")]
    [InlineData("write to box 17, apo ae 09180", "box 17, apo ae 09180")]
    [InlineData("Write to him at USS Makin Island (LHD 8), FPO AP 96672-1631.", "USS Makin Island (LHD 8), FPO AP 96672-1631")] // hull number, ZIP+4
    [InlineData("Team dinner at 5521 e. anaheim st. unit 3, Friday at 6.", "5521 e. anaheim st. unit 3")] // lower case, "e."
    [InlineData("Pick up the costumes at 1940 e. 4th street apt 7 after 5.", "1940 e. 4th street apt 7")] // an ordinal street, suffix spelled out
    [InlineData("Care packages:\nSGT A. Rivera\nPSC 1234, Box 5678\nAPO AE 09001\nThank you!", "PSC 1234, Box 5678\nAPO AE 09001")] // an address block
    public void Scan_StreetAddressesAndPoBoxes_BlockAsContactInfo(string text, string address)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.ContactInfo));
        Assert.Equal(PolicyRules.Address, finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(address, finding.Covered(text));
    }

    [Theory]
    [InlineData("Oh no worries I live right down the street and up the boulevard")]
    [InlineData("We ran 2 miles down the road before practice.")]
    [InlineData("Thanks for making our 2026 toy drive a success!")]
    [InlineData("She swam the 200 free lane four in the final heat.")]
    [InlineData("The 1600 meter road race starts at 8.")]
    [InlineData("We walked 12 blocks street by street for the cleanup.")]
    [InlineData("There is no way that I will pay for that circle in court")]
    [InlineData("Our 3 Seniors Drive the team forward")]
    [InlineData("Scored 12 points in the 4th quarter on Main Street Day")]
    [InlineData("We won 12 of our games this year and the parade goes down Ocean Blvd on Saturday")]
    [InlineData("Mail to Europe goes through APO AE 09001 and takes two weeks.")] // a military ZIP, no box or ship
    [InlineData("Unit 3 box tops are due Friday; the APO AE route is slow.")]
    [InlineData("Our DPO AP 2026 report is out.")]
    [InlineData("Tour the USS Iowa with the history club.")]
    [InlineData("The band steps off at 10 am at 4th St. and Pine Ave.")] // a time, not a house number
    [InlineData("Buses leave at 7 a.m. from 5th St. by the gym.")]
    public void Scan_StreetWordsWithoutAnAddress_HaveNoAddressFinding(string text)
    {
        var result = TestDistrict.Scan(text);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == PolicyRules.Address);
    }

    [Theory]
    [InlineData("Lost pets can be reported to Long Beach Animal Care Services at (562) 570-7387.", "(562) 570-7387")]
    [InlineData("We packed kits for the Long Beach Rescue Mission, 1335 Pacific Ave. Thank you!", "1335 Pacific Ave.")]
    [InlineData("Call the Long Beach Police Department at (562) 435-6711 to report it.", "(562) 435-6711")]
    [InlineData("Key Club visits the Aquarium of the Pacific, 100 Aquarium Way, on Saturday.", "100 Aquarium Way")]
    [InlineData("Tutors at the library's Bay Shore branch, 195 Bay Shore Ave., help Tuesdays.", "195 Bay Shore Ave.")]
    [InlineData("Bus questions? Call Student Transportation at (562) 555-0284.", "(562) 555-0284")]
    [InlineData("Report downed trees to the city's Public Works hotline, (562) 555-0500.", "(562) 555-0500")]
    [InlineData("The district office at 1515 Hughes Way is closed Monday.", "1515 Hughes Way")]
    public void Scan_ContactRightAfterAnAgencyOrMission_IsInfo(string text, string contact)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Findings);

        Assert.Equal(contact, finding.Covered(text));
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void Scan_AddressRightAfterAVenueName_IsInfo()
    {
        var result = TestDistrict.Scan("Graduation is at Veterans Memorial Stadium, 5000 E. Lew Davis St., at 6 pm.");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyRules.Address, finding.RuleId);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Theory]
    [InlineData("1600 Broadway, Long Beach, CA 90802", "Meet at 1600 Broadway at noon.")]
    [InlineData("PO Box 4411, Long Beach, CA 90801", "Send forms to PO Box 4411.")]
    [InlineData("200 E. Ocean Boulevard", "Drop off at 200 East Ocean Blvd today.")]
    [InlineData("PSC 1234, Box 5678, APO AE 09001", "Our sister school: PSC 1234 Box 5678 APO AE 09001.")]
    public void Scan_ListedAddressWithCityOrSpelledOtherwise_IsKnownInAPost(string listed, string post)
    {
        var ctx = ScanContext.CreateBuilder()
            .AddSite(new SitePublicContacts { SiteCode = "HS", Addresses = [listed] })
            .AddHomeContact(new HomeContact { PersonName = "Coach Ray", Owner = HomeContactOwner.Staff, Addresses = ["77 Elm St, Lakewood, CA 90712"] })
            .Build();

        var site = Assert.Single(ctx.Scan(post).Findings, f => f.RuleId == PolicyRules.Address);
        Assert.Equal(Severity.Info, site.Severity);
        var home = Assert.Single(ctx.Scan("Party at 77 Elm St after the game").Findings);
        Assert.Equal(PolicyRules.StaffHomeContact, home.RuleId);
    }

    [Fact]
    public void Scan_SitePublicAddress_IsInfo()
    {
        var result = TestDistrict.Scan("Graduation is at 1500 East Ocean Boulevard this year.");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyRules.Address, finding.RuleId);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void Scan_StaffHomePhone_BlocksAsStaffHomeContact()
    {
        var result = TestDistrict.Scan("Call Coach Rivera at home: 562-555-0177");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.StaffHomeContact, finding.Category);
        Assert.Equal(PolicyRules.StaffHomeContact, finding.RuleId);
        Assert.Equal("Privacy §5", finding.PolicyReference);
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Fact]
    public void Scan_StaffHomeAddress_BlocksAsStaffHomeContact()
    {
        var result = TestDistrict.Scan("Team dinner at 742 Evergreen Terrace on Friday");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.StaffHomeContact, finding.Category);
    }

    [Fact]
    public void Scan_OfficialHomePhoneWithoutPermission_BlocksUnderPrivacy6()
    {
        var result = TestDistrict.Scan("Reach Trustee Kim at 562-555-0188.");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyRules.OfficialHomeContact, finding.RuleId);
        Assert.Equal("Privacy §6", finding.PolicyReference);
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Fact]
    public void Scan_OfficialHomePhoneWithWrittenPermission_IsNotAFinding()
    {
        var result = TestDistrict.Scan("Reach Trustee Diaz at 562-555-0199.");

        Assert.Empty(result.Findings);
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public void Scan_TwoPhonesJoinedByDoubleDash_AreNeitherPhone()
    {
        var result = TestDistrict.Scan("Call 650-253-4561--455-234-3451");

        Assert.Empty(result.Of(FindingCategory.ContactInfo));
    }

    [Fact]
    public void Scan_PhoneGluedToLetters_IsNotAPhone()
    {
        var result = TestDistrict.Scan("abc415-666-7777def");

        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("The Long Beach Public Library, (562) 570-7500, offers homework help.", "(562) 570-7500")]
    [InlineData("For shuttle times, call Long Beach Transit at 562.591.2301.", "562.591.2301")]
    [InlineData("Meet at the Houghton Park Community Center at 6301 Myrtle Ave. on Saturday.", "6301 Myrtle Ave.")]
    [InlineData("The food pantry is open Thursdays at the Salvation Army, 3012 Long Beach Blvd. Bring a bag!", "3012 Long Beach Blvd.")]
    [InlineData("Our district office is at 1515 Hughes Way, Long Beach.", "1515 Hughes Way")]
    [InlineData("The library is now located at 101 Pacific Ave. during the remodel.", "101 Pacific Ave.")]
    [InlineData("Drop off cans at the food bank, 2525 Pacific Ave, by Friday.", "2525 Pacific Ave")]
    public void Scan_ContactRightAfterAPublicVenueName_IsInfo(string text, string contact)
    {
        var finding = Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.ContactInfo));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(contact, finding.Covered(text));
    }

    [Theory]
    [InlineData("Mrs. Lee says to call her at 562-555-0134 tonight.")]
    [InlineData("Drop-off is at the Nguyen home at 2740 Belmont Ave on Friday.")]
    [InlineData("Our house is at 1234 Elm St. if you need a ride.")]
    [InlineData("The team party is at 2235 Maple Ave after the game.")]
    [InlineData("Coach Hill is at 2235 Maple Ave tonight for the dinner.")]
    [InlineData("Ms. Banks lives at 2235 Maple Ave, so pick up there.")] // a surname that contains a venue word
    [InlineData("Meet at the Lee house, 2235 Maple Ave, at noon.")] // "at the" before a word that is not a venue
    [InlineData("We met the bank manager, 2235 Maple Ave is her home.")] // a venue word without "at the"
    public void Scan_ContactAfterAPersonOrHome_StillBlocks(string text)
    {
        Assert.Equal(Severity.Block, Assert.Single(TestDistrict.Scan(text).Of(FindingCategory.ContactInfo)).Severity);
    }
}
