using System.Globalization;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary><c>steward scan FILE [--roster roster.csv] [--photo STUDENTID]… [--allow-domain DOMAIN]… [--rules DIR]</c>:
/// scans a text file and prints its findings. Exit code 0 Pass, 1 Review, 2 Block, 64 wrong usage or unreadable input.</summary>
internal static class ScanCommand
{
    const string Usage = """
        Usage: steward scan FILE [--roster roster.csv] [--photo STUDENTID]... [--allow-domain DOMAIN]... [--rules DIR]
          FILE            the post text (UTF-8); "-" reads standard input
          --roster        a roster file as for POST /api/students/import (studentId,firstName,lastName,preferredName,siteCode,grade,directoryOptOut);
                          no consents are on file, so a named student in a photo blocks
          --photo         a student (roster ID) who appears in the attached photo; repeat for a group photo
          --allow-domain  an email domain of staff work addresses
          --rules         a directory of lexicons and rule settings (docs/scanner.md)
        Exit code: 0 Pass, 1 Review, 2 Block, 64 wrong usage.
        """;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, Console.In);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        string? file = null, roster = null, rules = null;
        var photo = new List<string>();
        var domains = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--roster": roster = Next(); if (roster is null) return Fail(error, "--roster needs a file."); break;
                case "--rules": rules = Next(); if (rules is null) return Fail(error, "--rules needs a directory."); break;
                case "--photo": if (Next() is { } id) photo.Add(id.ToUpperInvariant()); else return Fail(error, "--photo needs a student ID."); break;
                case "--allow-domain": if (Next() is { } d) domains.Add(d); else return Fail(error, "--allow-domain needs a domain."); break;
                case "-h" or "--help": await output.WriteLineAsync(Usage); return 0;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null) return Fail(error, $"Unexpected argument {args[i]}.");
                    file = args[i];
                    break;
            }
        }
        if (file is null) return Fail(error, "Name the text file to scan.");

        string text;
        try
        {
            text = file == "-" ? await input.ReadToEndAsync() : await File.ReadAllTextAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"Cannot read {file}: {e.Message}");
        }

        ScanContextBuilder builder;
        try
        {
            builder = ScanContext.CreateBuilder(rules is null ? ScannerRules.Default : ScannerRules.LoadFromDirectory(rules));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return Fail(error, $"Cannot load the rules in {rules}: {e.Message}");
        }
        if (roster is not null)
        {
            List<RosterRow> rows;
            try
            {
                using var reader = new StreamReader(roster);
                var (parsed, errors) = RosterCsv.Parse(reader);
                if (errors.Count > 0)
                {
                    foreach (var e in errors) await error.WriteLineAsync($"{roster}:{e.Line}: {e.Error}");
                    return 64;
                }
                rows = parsed;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(error, $"Cannot read {roster}: {e.Message}");
            }
            builder.AddStudents(rows.Select(r => new RosterStudent
            {
                StudentId = r.StudentId, FirstName = r.FirstName, LastName = r.LastName, PreferredName = r.PreferredName, SiteCode = r.SiteCode,
                DirectoryOptOut = r.DirectoryOptOut,
            }));
        }
        foreach (var d in domains) builder.AllowEmailDomain(d);

        var result = builder.Build().Scan(new Steward.Scanning.Post
        {
            Text = text, ImageSubjects = photo.Select(id => new ImageSubject(StudentId: id)).ToList(),
        });
        foreach (var f in result.Findings)
        {
            var (line, column) = Position(text, f.Start);
            var excerpt = f.Length > 0 ? $" \"{Excerpt(text.Substring(f.Start, f.Length))}\"" : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{file}:{line}:{column}: {f.Severity} {f.RuleId} ({f.PolicyReference}){excerpt}: {f.Message}"));
        }
        await output.WriteLineAsync($"{result.Verdict}: {result.Findings.Count} finding(s).");
        return result.Verdict switch { Verdict.Block => 2, Verdict.Review => 1, _ => 0 };
    }

    static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1, start = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
            if (text[i] == '\n') { line++; start = i + 1; }
        return (line, offset - start + 1);
    }

    static string Excerpt(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= 60 ? s : s[..60] + "…";
    }

    static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 64;
    }
}
