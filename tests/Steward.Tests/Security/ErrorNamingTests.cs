using Steward.Infrastructure;

namespace Steward.Tests.Security;

public sealed class ErrorNamingTests
{
    [Theory]
    [InlineData("Code", "code")]
    [InlineData("ThirdPartyMaterial[0].Owner", "thirdPartyMaterial[0].owner")]
    [InlineData("ImageSubjects[2].StudentId", "imageSubjects[2].studentId")]
    [InlineData("siteId", "siteId")]
    public void ValidationKeys_AreCamelCasedAtEveryLevel(string key, string expected) =>
        Assert.Equal(expected, ErrorSetup.CamelPath(key));
}
