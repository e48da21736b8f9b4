using System.Data.Common;
using InternalSocial.Kernel.Shells;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>Every <c>Polls_</c> table as it is stored: its columns with their types, and all its rows, for the anonymity tests.</summary>
internal static class PollTables
{
    public static async Task<Dictionary<string, (List<(string Name, string Type)> Columns, List<Dictionary<string, object?>> Rows)>> ReadAsync(PollsDbContext db, DatabaseProvider provider)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sqlite = provider == DatabaseProvider.Sqlite;
        var names = await QueryAsync(connection, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'Polls\\_%' ESCAPE '\\'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'Polls\\_%'");
        var tables = new Dictionary<string, (List<(string, string)>, List<Dictionary<string, object?>>)>();
        foreach (var name in names.Select(r => (string)r.Values.First()!))
        {
            var columns = await QueryAsync(connection, sqlite
                ? $"SELECT name, type FROM pragma_table_info('{name}')"
                : $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{name}'");
            tables[name] = ([.. columns.Select(c => ((string)c.Values.First()!, (string)c.Values.Last()!))], await QueryAsync(connection, $"SELECT * FROM \"{name}\""));
        }

        return tables;
    }

    private static async Task<List<Dictionary<string, object?>>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
