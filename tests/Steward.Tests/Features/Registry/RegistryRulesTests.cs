using Steward.Features.Registry;
using Steward.Features.Sites;

namespace Steward.Tests.Features.Registry;

public sealed class HandlesTests
{
    [Theory]
    [InlineData(Platform.Instagram, "@WHS_Ath", "whs_ath")]
    [InlineData(Platform.Instagram, "whs_ath", "whs_ath")]
    [InlineData(Platform.Instagram, "https://www.instagram.com/whs_ath/", "whs_ath")]
    [InlineData(Platform.Instagram, "instagram.com/WHS_Ath?igsh=abc", "whs_ath")]
    [InlineData(Platform.X, "https://twitter.com/WilsonHS", "wilsonhs")]
    [InlineData(Platform.X, "https://x.com/wilsonhs/status/123", "wilsonhs")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/@WilsonHigh", "wilsonhigh")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/channel/UCabc123", "ucabc123")]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/@whs.dance", "whs.dance")]
    [InlineData(Platform.LinkedIn, "https://www.linkedin.com/company/wilson-high/", "wilson-high")]
    [InlineData(Platform.WordPress, "https://whsnews.wordpress.com/2026/01/01/post", "whsnews")]
    [InlineData(Platform.WordPress, "whsnews.wordpress.com", "whsnews")]
    [InlineData(Platform.Bluesky, "https://bsky.app/profile/whs.bsky.social", "whs.bsky.social")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/profile.php?id=10001234", "id.10001234")]
    [InlineData(Platform.Threads, "https://www.threads.net/@whs_ath", "whs_ath")]
    public void Normalize_SameAccountInAnySpelling_GivesOneHandle(Platform platform, string input, string expected) =>
        Assert.Equal(expected, Handles.Normalize(platform, input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@")]
    [InlineData("has space")]
    [InlineData("emoji🙂")]
    public void Normalize_NotAHandle_GivesNull(string input) => Assert.Null(Handles.Normalize(Platform.Instagram, input));

    [Theory]
    [InlineData("https://www.instagram.com/x/", Platform.Instagram)]
    [InlineData("https://m.facebook.com/x", Platform.Facebook)]
    [InlineData("https://twitter.com/x", Platform.X)]
    [InlineData("https://youtu.be/abc", Platform.YouTube)]
    public void PlatformOf_KnownHosts(string url, Platform expected) => Assert.Equal(expected, Handles.PlatformOf(new Uri(url)));

    [Fact]
    public void PlatformOf_LookalikeHost_IsUnknown() => Assert.Null(Handles.PlatformOf(new Uri("https://instagram.com.evil.example/x")));
}

public sealed class BoosterNamingTests
{
    static readonly Site Wilson = new() { Code = "WHS", Name = "Woodrow Wilson High School", Aliases = ["Wilson High", "Wilson", "WHS"], Mascot = "Bruins" };
    static readonly Site Poly = new() { Code = "PHS", Name = "Polytechnic High School", Aliases = ["Poly High", "PHS"], Mascot = "Jackrabbits" };
    static readonly Site Jose = new() { Code = "JMS", Name = "José Martí Middle School", Aliases = ["Martí Middle"], Mascot = "Águilas" };

    [Theory]
    [InlineData("wilsonbruinsboosters", "Bruins")]
    [InlineData("Bruin_Booster_Club", "Bruin")]
    [InlineData("WHS_boosters", "WHS")]
    [InlineData("wilson.volleyball.parents", "Wilson")]
    [InlineData("Friends of Wilson High Football", "Wilson High")]
    public void FindForbiddenWord_NameOrMascotRunTogetherOrSpaced_IsFound(string name, string expected) =>
        Assert.Equal(expected, BoosterNaming.FindForbiddenWord(Wilson, name), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void FindForbiddenWord_DiacriticsAndCaseAreIgnored()
    {
        Assert.Equal("Águilas", BoosterNaming.FindForbiddenWord(Jose, "aguilas_band_boosters"));
        Assert.Equal("Martí Middle", BoosterNaming.FindForbiddenWord(Jose, "MARTI-MIDDLE-PTA"));
    }

    [Theory]
    [InlineData("westside_volleyball_parents")]
    [InlineData("graphs_club_parents")]
    [InlineData("Long Beach Rowing Families")]
    public void FindForbiddenWord_CleanName_IsNull(string name)
    {
        Assert.Null(BoosterNaming.FindForbiddenWord(Wilson, name));
        Assert.Null(BoosterNaming.FindForbiddenWord(Poly, name));
    }
}

public sealed class SchoolYearTests
{
    [Theory]
    [InlineData(2026, 11, 7, "2026-27")]
    [InlineData(2027, 6, 7, "2026-27")]
    [InlineData(2027, 7, 7, "2027-28")]
    [InlineData(2027, 7, 8, "2026-27")]
    [InlineData(2099, 9, 1, "2099-00")]
    public void For_DerivesFromDateAndStartMonth(int year, int month, int start, string expected) =>
        Assert.Equal(expected, SchoolYears.For(new DateTime(year, month, 15, 0, 0, 0, DateTimeKind.Utc), start));

    [Theory]
    [InlineData("2027-28", true)]
    [InlineData("2099-00", true)]
    [InlineData("2027-29", false)]
    [InlineData("2027/28", false)]
    [InlineData("27-28", false)]
    public void IsValid(string text, bool valid) => Assert.Equal(valid, SchoolYears.IsValid(text));
}
