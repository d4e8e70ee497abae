using Steward.BrowserTests.Infrastructure;

namespace Steward.BrowserTests;

/// <summary>The test's own authenticator must be right before a failed two-factor journey can mean anything.</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1, key "12345678901234567890"; six digits are the low six of the eight shown there.
    const string Rfc6238Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Code_ForRfc6238TestVectors_MatchesTheRfc(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(Rfc6238Key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

    [Fact]
    public void Base32Decode_OfIdentitysFormattedKey_IgnoresCaseAndSpaces() =>
        Assert.Equal("12345678901234567890"u8.ToArray(), Totp.Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
}
