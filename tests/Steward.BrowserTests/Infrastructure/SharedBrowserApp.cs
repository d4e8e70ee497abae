namespace Steward.BrowserTests.Infrastructure;

/// <summary>One app and one Chromium for every journey; the published-build test runs beside them.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowserApp : ICollectionFixture<BrowserApp>
{
    public const string Name = "Steward in Chromium";
}
