namespace Steward.BrowserTests.Infrastructure;

internal static class Repository
{
    /// <summary>The checkout's root: the folder holding Steward.slnx, above the test's output folder.</summary>
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
