using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Steward.Features.Compliance;

/// <summary>One valid line of a roster file.</summary>
public sealed record RosterRow(int Line, string StudentId, string FirstName, string LastName, string? PreferredName, string SiteCode,
    string? Grade, bool DirectoryOptOut);

/// <summary>Reads a roster file (API.md: <c>studentId,firstName,lastName,preferredName,siteCode,grade,directoryOptOut</c>),
/// checking every line and naming each problem with its line number. Sites and permissions are checked by the import.</summary>
public static partial class RosterCsv
{
    public static readonly string[] Columns = ["studentId", "firstName", "lastName", "preferredName", "siteCode", "grade", "directoryOptOut"];

    public static (List<RosterRow> Rows, List<ImportLineError> Errors) Parse(TextReader text)
    {
        var rows = new List<RosterRow>();
        var errors = new List<ImportLineError>();
        var badData = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => badData.Add(args.Context.Parser?.RawRow ?? 0),
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(text, config);
        try
        {
            if (!csv.Read())
            {
                errors.Add(new(1, $"The file is empty: its first line is the header {string.Join(',', Columns)}."));
                return (rows, errors);
            }
            csv.ReadHeader();
            var header = (csv.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) index.TryAdd(header[i], i);
            var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
            var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0 || unknown.Count > 0 || header.Length != Columns.Length)
            {
                var problems = new List<string>();
                if (missing.Count > 0) problems.Add($"missing column(s) {string.Join(", ", missing)}");
                if (unknown.Count > 0) problems.Add($"unknown column(s) {string.Join(", ", unknown)}");
                if (missing.Count == 0 && unknown.Count == 0) problems.Add("a column appears twice");
                errors.Add(new(1, $"The header must be {string.Join(',', Columns)}: {string.Join("; ", problems)}."));
                return (rows, errors);
            }

            var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                var parser = csv.Parser;
                var raw = parser.RawRecord.TrimEnd('\r', '\n');
                var line = parser.RawRow - raw.Count(c => c == '\n');
                var problems = new List<string>();
                if (badData.Contains(parser.RawRow)) problems.Add("a quote is misplaced (quote a field that contains commas or quotes, and double the quotes inside it)");
                if (parser.Count != Columns.Length)
                {
                    errors.Add(new(line, $"The line has {parser.Count} field(s); the header has {Columns.Length}."));
                    continue;
                }
                string? Field(string name) => csv.GetField(index[name]) is { Length: > 0 } v ? v : null;

                var id = Field("studentId")?.ToUpperInvariant();
                if (id is null) problems.Add("studentId is missing");
                else if (id.Length > Student.IdLength) problems.Add($"studentId is longer than {Student.IdLength} characters");
                else if (!StudentIdPattern().IsMatch(id)) problems.Add("studentId has letters, digits and dashes only");
                else if (firstLineOf.TryGetValue(id, out var first)) problems.Add($"studentId {id} appears again (first on line {first})");
                else firstLineOf[id] = line;

                var firstName = Name(Field("firstName"), "firstName", required: true, problems);
                var lastName = Name(Field("lastName"), "lastName", required: true, problems);
                var preferred = Name(Field("preferredName"), "preferredName", required: false, problems);

                var site = Field("siteCode")?.ToUpperInvariant();
                if (site is null) problems.Add("siteCode is missing");
                else if (site.Length > Infrastructure.Limits.Code) problems.Add($"siteCode is longer than {Infrastructure.Limits.Code} characters");

                var grade = Field("grade")?.ToUpperInvariant();
                if (grade is not null && !GradePattern().IsMatch(grade)) problems.Add($"grade \"{Clip(grade)}\" is not PK, TK, K or 1 to 12");

                var optOutText = Field("directoryOptOut");
                var optOut = false;
                if (optOutText is not null && !TryParseBool(optOutText, out optOut))
                    problems.Add($"directoryOptOut \"{Clip(optOutText)}\" is not true or false");

                if (problems.Count > 0) errors.Add(new(line, string.Join("; ", problems) + "."));
                else rows.Add(new RosterRow(line, id!, firstName!, lastName!, preferred, site!, grade?.TrimStart('0') is { Length: > 0 } g ? g : grade, optOut));
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new(e.Context?.Parser?.RawRow ?? 0, "The file is not valid CSV from here on: " + e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal) + "."));
        }
        return (rows, errors);
    }

    static string? Name(string? value, string field, bool required, List<string> problems)
    {
        if (value is null)
        {
            if (required) problems.Add($"{field} is missing");
            return null;
        }
        if (value.Length > Student.NameLength) problems.Add($"{field} is longer than {Student.NameLength} characters");
        else if (value.Any(char.IsControl)) problems.Add($"{field} contains control characters");
        return value;
    }

    static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1":
                value = true;
                return true;
            case "false" or "no" or "n" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex StudentIdPattern();

    [GeneratedRegex("^(PK|TK|K|0?[1-9]|1[0-2])$")]
    private static partial Regex GradePattern();
}
