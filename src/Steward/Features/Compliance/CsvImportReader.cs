using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Steward.Features.Compliance;

/// <summary>
/// Reads an import file with an exact header, checking every line and naming each problem with its line number: the
/// shared part of the roster and consent imports. <paramref name="parseRow"/> reads one line's fields (by column
/// name, empty as null) and adds its problems; a line with problems is reported, not returned.
/// </summary>
internal static class CsvImportReader
{
    /// <summary>How many unknown column names a header error names.</summary>
    public const int MaxEchoedNames = 10;

    public delegate T? RowParser<T>(int line, Func<string, string?> field, List<string> problems);

    public static (List<T> Rows, List<ImportLineError> Errors) Read<T>(TextReader text, string[] columns, RowParser<T> parseRow)
    {
        var rows = new List<T>();
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
                errors.Add(new(1, $"The file is empty: its first line is the header {string.Join(',', columns)}."));
                return (rows, errors);
            }
            csv.ReadHeader();
            var header = (csv.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) index.TryAdd(header[i], i);
            var missing = columns.Where(c => !index.ContainsKey(c)).ToList();
            var unknown = header.Where(h => !columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0 || unknown.Count > 0 || header.Length != columns.Length)
            {
                var problems = new List<string>();
                if (missing.Count > 0) problems.Add($"missing column(s) {string.Join(", ", missing)}");
                // A header of thousands of unknown names is not echoed back whole.
                if (unknown.Count > 0)
                    problems.Add($"unknown column(s) {string.Join(", ", unknown.Take(MaxEchoedNames).Select(Clip))}"
                        + (unknown.Count > MaxEchoedNames ? $" and {unknown.Count - MaxEchoedNames} more" : ""));
                if (missing.Count == 0 && unknown.Count == 0) problems.Add("a column appears twice");
                errors.Add(new(1, $"The header must be {string.Join(',', columns)}: {string.Join("; ", problems)}."));
                return (rows, errors);
            }

            while (csv.Read())
            {
                var parser = csv.Parser;
                var raw = parser.RawRecord.TrimEnd('\r', '\n');
                var line = parser.RawRow - raw.Count(c => c == '\n');
                // No field of either file holds a line break: a record over several lines is a quote left open on its first.
                if (raw.Contains('\n', StringComparison.Ordinal))
                {
                    // A quote never closed reads to the end of the file, where the last line break counts as a row too.
                    if (raw.Count(c => c == '"') % 2 == 1) line = parser.RawRow - parser.RawRecord.Count(c => c == '\n');
                    errors.Add(new(line, "a quote on this line is never closed, so the lines after it were read as part of it "
                        + "(quote a field that contains commas or quotes, and double the quotes inside it)."));
                    continue;
                }
                if (parser.Count != columns.Length)
                {
                    errors.Add(new(line, $"The line has {parser.Count} field(s); the header has {columns.Length}."));
                    continue;
                }
                // CsvHelper parses a field, and reports its bad data, only when the field is read: read them all first.
                _ = parser.Record;
                var problems = new List<string>();
                if (badData.Contains(parser.RawRow)) problems.Add("a quote is misplaced (quote a field that contains commas or quotes, and double the quotes inside it)");
                var row = parseRow(line, name => csv.GetField(index[name]) is { Length: > 0 } v ? v : null, problems);
                if (problems.Count > 0) errors.Add(new(line, string.Join("; ", problems) + "."));
                else if (row is not null) rows.Add(row);
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new(e.Context?.Parser?.RawRow ?? 0, "The file is not valid CSV from here on: " + e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal) + "."));
        }
        return (rows, errors);
    }

    /// <summary>A value shown in an error message, cut to 20 characters.</summary>
    public static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
