using System.Text.RegularExpressions;

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
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return CsvImportReader.Read(text, Columns, (line, field, problems) =>
        {
            var id = StudentId(field("studentId"), problems);
            if (id is not null && firstLineOf.TryGetValue(id, out var first)) problems.Add($"studentId {id} appears again (first on line {first})");
            else if (id is not null) firstLineOf[id] = line;

            var firstName = Name(field("firstName"), "firstName", required: true, problems);
            var lastName = Name(field("lastName"), "lastName", required: true, problems);
            var preferred = Name(field("preferredName"), "preferredName", required: false, problems);

            var site = field("siteCode")?.ToUpperInvariant();
            if (site is null) problems.Add("siteCode is missing");
            else if (site.Length > Infrastructure.Limits.Code) problems.Add($"siteCode is longer than {Infrastructure.Limits.Code} characters");

            var grade = field("grade")?.ToUpperInvariant();
            if (grade is not null && !GradePattern().IsMatch(grade)) problems.Add($"grade \"{CsvImportReader.Clip(grade)}\" is not PK, TK, K or 1 to 12");

            var optOutText = field("directoryOptOut");
            var optOut = false;
            if (optOutText is not null && !TryParseBool(optOutText, out optOut))
                problems.Add($"directoryOptOut \"{CsvImportReader.Clip(optOutText)}\" is not true or false");

            return problems.Count > 0 ? null
                : new RosterRow(line, id!, firstName!, lastName!, preferred, site!, grade?.TrimStart('0') is { Length: > 0 } g ? g : grade, optOut);
        });
    }

    /// <summary>A roster student ID, upper case, or null with the problem added.</summary>
    internal static string? StudentId(string? value, List<string> problems)
    {
        var id = value?.ToUpperInvariant();
        if (id is null) problems.Add("studentId is missing");
        else if (id.Length > Student.IdLength) problems.Add($"studentId is longer than {Student.IdLength} characters");
        else if (!StudentIdPattern().IsMatch(id)) problems.Add("studentId has letters, digits and dashes only");
        else return id;
        return null;
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

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex StudentIdPattern();

    [GeneratedRegex("^(PK|TK|K|0?[1-9]|1[0-2])$")]
    private static partial Regex GradePattern();
}
