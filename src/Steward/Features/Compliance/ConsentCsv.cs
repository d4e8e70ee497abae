using System.Globalization;

namespace Steward.Features.Compliance;

/// <summary>One valid line of a consent file.</summary>
public sealed record ConsentRow(int Line, string StudentId, ConsentKind Kind, string GrantedBy, DateOnly GrantedOn, DateOnly? ExpiresOn,
    string DocumentReference);

/// <summary>
/// Reads a file of signed consent forms (<c>studentId,kind,grantedBy,grantedOn,expiresOn,documentReference</c>), as a
/// district collects them at enrolment: every line checked and each problem named with its line number. Dates are
/// ISO (<c>2026-08-15</c>); students, sites and permissions are checked by the import.
/// </summary>
public static class ConsentCsv
{
    public static readonly string[] Columns = ["studentId", "kind", "grantedBy", "grantedOn", "expiresOn", "documentReference"];

    public static (List<ConsentRow> Rows, List<ImportLineError> Errors) Parse(TextReader text, DateOnly today)
    {
        var firstLineOf = new Dictionary<(string, string), int>();
        return CsvImportReader.Read(text, Columns, (line, field, problems) =>
        {
            var id = RosterCsv.StudentId(field("studentId"), problems);

            var kindText = field("kind");
            var kind = ConsentKind.PhotoWithName;
            if (kindText is null) problems.Add("kind is missing (PhotoWithName)");
            // By name only: Enum.TryParse would also take "0".
            else if (Enum.GetNames<ConsentKind>().FirstOrDefault(n => n.Equals(kindText, StringComparison.OrdinalIgnoreCase)) is not { } name)
                problems.Add($"kind \"{CsvImportReader.Clip(kindText)}\" is not PhotoWithName");
            else kind = Enum.Parse<ConsentKind>(name);

            var grantedBy = Text(field("grantedBy"), "grantedBy", Consent.GrantedByLength, problems);
            var document = Text(field("documentReference"), "documentReference", Consent.DocumentLength, problems);

            var grantedOn = Date(field("grantedOn"), "grantedOn", required: true, problems);
            if (grantedOn > today) problems.Add("grantedOn is in the future: consent is given before a photo is published");
            else if (grantedOn < Consent.EarliestGrantedOn) problems.Add($"grantedOn is before {Consent.EarliestGrantedOn:yyyy-MM-dd}");
            var expiresOn = Date(field("expiresOn"), "expiresOn", required: false, problems);
            if (expiresOn < grantedOn) problems.Add("expiresOn is before grantedOn");
            else if (expiresOn < today) problems.Add("expiresOn has passed: import consents that still hold");
            else if (expiresOn > grantedOn?.AddYears(Consent.LongestYears))
                problems.Add($"expiresOn is more than {Consent.LongestYears} years after grantedOn");

            if (id is not null && document is not null)
            {
                if (firstLineOf.TryGetValue((id, document), out var first))
                    problems.Add($"the form {CsvImportReader.Clip(document)} of student {id} appears again (first on line {first})");
                else firstLineOf[(id, document)] = line;
            }

            return problems.Count > 0 ? null : new ConsentRow(line, id!, kind, grantedBy!, grantedOn!.Value, expiresOn, document!);
        });
    }

    static string? Text(string? value, string field, int max, List<string> problems)
    {
        if (value is null) problems.Add($"{field} is missing");
        else if (value.Length < 2) problems.Add($"{field} has at least 2 characters");
        else if (value.Length > max) problems.Add($"{field} is longer than {max} characters");
        else if (value.Any(char.IsControl)) problems.Add($"{field} contains control characters");
        else return value;
        return null;
    }

    static DateOnly? Date(string? value, string field, bool required, List<string> problems)
    {
        if (value is null)
        {
            if (required) problems.Add($"{field} is missing");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add($"{field} \"{CsvImportReader.Clip(value)}\" is not a date like 2026-08-15");
        return null;
    }
}
