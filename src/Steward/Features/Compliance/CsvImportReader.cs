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
                if (unknown.Count > 0) problems.Add($"unknown column(s) {string.Join(", ", unknown)}");
                if (missing.Count == 0 && unknown.Count == 0) problems.Add("a column appears twice");
                errors.Add(new(1, $"The header must be {string.Join(',', columns)}: {string.Join("; ", problems)}."));
                return (rows, errors);
            }

            while (csv.Read())
            {
                var parser = csv.Parser;
                var raw = parser.RawRecord.TrimEnd('\r', '\n');
                var line = parser.RawRow - raw.Count(c => c == '\n');
                if (parser.Count != columns.Length)
                {
                    errors.Add(new(line, $"The line has {parser.Count} field(s); the header has {columns.Length}."));
                    continue;
                }
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
