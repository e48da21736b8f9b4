using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalSocial.Kernel.Data;

/// <summary>Runs <see cref="SqliteConnectionSetup"/> on the connections EF Core opens from a connection string.</summary>
internal sealed class SqliteConnectionSetupInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetupInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SqliteConnectionSetup.Apply((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteConnectionSetup.Apply((SqliteConnection)connection);
        return Task.CompletedTask;
    }
}
