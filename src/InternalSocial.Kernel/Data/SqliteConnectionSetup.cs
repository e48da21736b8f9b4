using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace InternalSocial.Kernel.Data;

/// <summary>
/// What every SQLite connection of a tenant runs once, when its native handle first opens: <c>synchronous=NORMAL</c>.
/// In WAL mode the default (<c>FULL</c>) flushes the log to disk at every commit, which costs 4 ms at the median and
/// 12 ms at the 99th percentile on this project's machines: more than the whole of a typical write request. With
/// <c>NORMAL</c>, a commit survives the process's crash and the database is never corrupted; a power loss can undo
/// the last commits. See docs/decisions/0024-sqlite-synchronous-normal.md.
/// </summary>
internal static class SqliteConnectionSetup
{
    // Pooled connections keep their native handle, and the pragma's effect with it: one entry per handle, not per open.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    /// <summary>Applies the setup whenever <paramref name="connection"/> opens (and now, if it is open).</summary>
    public static SqliteConnection Attach(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.StateChange += (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open)
            {
                Apply((SqliteConnection)sender);
            }
        };
        return connection;
    }

    public static void Apply(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Handle is not { } handle || Prepared.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, handle);
    }
}
