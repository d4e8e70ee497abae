namespace Steward.Scanning.Tests;

/// <summary>A promo code or affiliate id in a link's query is advertising (Discipline §1), whether the link is
/// written in the text or given beside it; campaign tracking and ordinary query strings are not.</summary>
public sealed class PromoLinkTests
{
    [Theory]
    [InlineData("Spirit wear: https://shop.example.com/?promo=SAVE10 this week", "https://shop.example.com/?promo=SAVE10")]
    [InlineData("Cleats at https://shop.example.com/cleats?coupon=WILSON15", "https://shop.example.com/cleats?coupon=WILSON15")]
    [InlineData("Our book list: https://books.example.com/list?ref=coachlee.", "https://books.example.com/list?ref=coachlee")]
    [InlineData("Jerseys https://gear.example.com/p/9?size=m&affiliate=wilsonhs&color=red", "https://gear.example.com/p/9?size=m&affiliate=wilsonhs")]
    [InlineData("See www.example.com/deals?promo_code=BAND5 before Friday", "www.example.com/deals?promo_code=BAND5")]
    [InlineData("HTTPS://SHOP.EXAMPLE.COM/?PROMO=SAVE10", "HTTPS://SHOP.EXAMPLE.COM/?PROMO=SAVE10")]
    public void PromoParameterInALinkInTheText_IsACommercialReview_CoveringTheLink(string text, string covered)
    {
        var result = TestDistrict.Scan(text);

        var finding = Assert.Single(result.Of(FindingCategory.Commercial));
        Assert.Equal("discipline-1.commercial", finding.RuleId);
        Assert.Equal("Discipline §1", finding.PolicyReference);
        Assert.Equal(Severity.Review, finding.Severity);
        Assert.Equal(covered, finding.Covered(text));
        Assert.Equal(Verdict.Review, result.Verdict);
    }

    [Theory]
    [InlineData("Read the recap: https://news.example.com/recap?utm_campaign=spring&utm_source=ig")]
    [InlineData("Schedule: https://district.example.org/calendar?page=2&month=5")]
    [InlineData("Photos: https://district.example.org/gallery?reference=2026&preferred=1")]
    [InlineData("Docs: https://district.example.org/a?href=x&refresh=1&promotion=spring")]
    [InlineData("Empty value: https://shop.example.com/?promo=")]
    [InlineData("The ref made a great call? Promo night was fun. Coupon books went home today.")]
    [InlineData("Promo video from the spring showcase: https://video.example.org/watch?v=abc123")]
    public void OrdinaryLinksAndWords_AreNotCommercial(string text)
    {
        Assert.Empty(TestDistrict.Scan(text).Of(FindingCategory.Commercial));
    }

    [Fact]
    public void QuestionMarkInALink_DoesNotEndTheSentence_ButOneBeforeAWordStillDoes()
    {
        // A link's query stays in its sentence; "Ready? Buy …" is two sentences as before.
        Assert.NotEmpty(TestDistrict.Scan("Get yours at https://shop.example.com/?promo=SAVE10 today").Of(FindingCategory.Commercial));
        Assert.Empty(TestDistrict.Scan("Who won? The ref said promo night starts at 7.").Of(FindingCategory.Commercial));
    }

    [Fact]
    public void PromoLinkGivenBesideTheText_IsACommercialReview_NamingTheLink()
    {
        var post = new Post { Text = "Spirit wear is here!", Links = ["https://shop.example.com/?promo=SAVE10"] };

        var result = TestDistrict.Scan(post);

        var finding = Assert.Single(result.Of(FindingCategory.Commercial));
        Assert.Equal((0, 0), (finding.Start, finding.Length));
        Assert.Contains("https://shop.example.com/?promo=SAVE10", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Review, result.Verdict);
    }

    [Fact]
    public void LinkGivenBesideTheText_AlsoWrittenInIt_IsReportedOnce_OnTheText()
    {
        const string link = "https://shop.example.com/?coupon=WILSON15";
        var post = new Post { Text = $"Shop {link} now", Links = [link] };

        var finding = Assert.Single(TestDistrict.Scan(post).Of(FindingCategory.Commercial));

        Assert.True(finding.Length > 0);
    }

    [Theory]
    [InlineData("https://news.example.com/recap?utm_campaign=spring")]
    [InlineData("https://district.example.org/calendar?ref")]
    [InlineData("https://district.example.org/athletics")]
    public void OrdinaryLinkGivenBesideTheText_PassesTheRule(string link)
    {
        var post = new Post { Text = "Game recap and schedule.", Links = [link] };

        Assert.Empty(TestDistrict.Scan(post).Of(FindingCategory.Commercial));
    }
}
