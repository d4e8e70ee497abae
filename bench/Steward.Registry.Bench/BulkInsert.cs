using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Steward.Data;

namespace Steward.Registry.Bench;

/// <summary>Inserts rows with plain commands on the context's connection and transaction, taking table, columns and
/// value conversions (enums as strings, provider types) from the EF model, so the rows read back exactly as if EF
/// had written them. Skips the audit chain: for seeding benchmark data only.</summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(StewardDb db, IReadOnlyList<T> rows, Action<T, int> setId) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties()
            .Where(p => p != key && p.PropertyInfo is not null)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();

        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var row in rows)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = text;
            command.Transaction = transaction;
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, _, mapping) = columns[i];
                command.Parameters.Add(mapping.CreateParameter(command, $"p{i}", property.PropertyInfo!.GetValue(row), property.IsNullable));
            }
            setId(row, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
