using Npgsql;

namespace Steward.Tests.Infrastructure;

/// <summary>A throwaway database on the test server named by STEWARD_TEST_POSTGRES.</summary>
public static class PostgresDatabase
{
    /// <summary>e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>; null when not set.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static string NewDatabase()
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString!)
        {
            Database = "steward_t_" + Guid.NewGuid().ToString("N")[..16],
            Pooling = true,
        };
        return builder.ToString();
    }

    public static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
