using Steward.Features.Compliance;

namespace Steward.Tests.Features.Compliance;

public sealed class ScanCommandTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("steward-scan-");

    public void Dispose() => _dir.Delete(recursive: true);

    string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ScanCommand.RunAsync(["scan", .. args], output, error, TextReader.Null);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Scan_FileWithPhoneAndNamedStudentInPhoto_PrintsBothFindingsAndExitsWithBlock()
    {
        var post = Write("post.txt", "Way to go Marisol Quintero!\nQuestions: 562-555-0134");
        var roster = Write("roster.csv", "studentId,firstName,lastName,preferredName,siteCode,grade,directoryOptOut\n20260001,Marisol,Quintero,,WHS,10,false\n");

        var (code, output, _) = await RunAsync(post, "--roster", roster, "--photo", "20260001");

        Assert.Equal(2, code);
        Assert.Contains("post.txt:2:", output, StringComparison.Ordinal);
        Assert.Contains("privacy-2.phone", output, StringComparison.Ordinal);
        Assert.Contains("privacy-3.photo-with-name", output, StringComparison.Ordinal);
        Assert.Contains("Privacy §3", output, StringComparison.Ordinal);
        Assert.EndsWith("Block: " + output.Split('\n').Count(l => l.Contains("post.txt:", StringComparison.Ordinal)) + " finding(s).", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_CleanFile_ExitsZero()
    {
        var (code, output, _) = await RunAsync(Write("clean.txt", "Great game tonight! Next match Friday at 6."));

        Assert.Equal(0, code);
        Assert.Contains("Pass: 0 finding(s).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_MissingFileOrBadRoster_Exits64WithTheReason()
    {
        var missing = await RunAsync(Path.Combine(_dir.FullName, "nope.txt"));
        var badRoster = await RunAsync(Write("p.txt", "hi"), "--roster", Write("r.csv", "studentId,firstName\n1,A\n"));
        var noFile = await RunAsync();

        Assert.Equal(64, missing.Code);
        Assert.Contains("Cannot read", missing.Err, StringComparison.Ordinal);
        Assert.Equal(64, badRoster.Code);
        Assert.Contains("r.csv:1:", badRoster.Err, StringComparison.Ordinal);
        Assert.Equal(64, noFile.Code);
    }
}
