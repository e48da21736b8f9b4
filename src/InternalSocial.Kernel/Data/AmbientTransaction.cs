using System.Data.Common;

namespace InternalSocial.Kernel.Data;

/// <summary>
/// One database transaction that every module DbContext created in the same async flow joins (see
/// <see cref="ServiceCollectionDataExtensions.AddTenantDbContext{TContext}"/>). A recipe's data steps run in one,
/// so that a failing step leaves the tenant's data as it was.
/// </summary>
public sealed class AmbientTransaction : IAsyncDisposable
{
    private static readonly AsyncLocal<AmbientTransaction?> CurrentSlot = new();

    private AmbientTransaction(string connectionString, DbConnection connection, DbTransaction transaction)
    {
        ConnectionString = connectionString;
        Connection = connection;
        Transaction = transaction;
    }

    /// <summary>The transaction of the current async flow, if any.</summary>
    public static AmbientTransaction? Current => CurrentSlot.Value;

    public string ConnectionString { get; }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public static async Task<AmbientTransaction> BeginAsync(TenantDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return new AmbientTransaction(database.ConnectionString, connection, transaction);
    }

    /// <summary>
    /// Makes this the current flow's transaction until the returned handle is disposed. Call it directly in the
    /// method that runs the work (not inside another async method): an async local set in an awaited method does
    /// not flow back to its caller.
    /// </summary>
    public IDisposable Activate()
    {
        if (CurrentSlot.Value is not null)
        {
            throw new InvalidOperationException("A tenant transaction is already active in this flow.");
        }

        CurrentSlot.Value = this;
        return new Activation();
    }

    /// <summary>The ambient transaction if it is on this database, else null.</summary>
    public static AmbientTransaction? For(TenantDatabase database) =>
        Current is { } ambient && database is not null && ambient.ConnectionString == database.ConnectionString ? ambient : null;

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private sealed class Activation : IDisposable
    {
        public void Dispose() => CurrentSlot.Value = null;
    }
}
