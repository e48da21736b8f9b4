using Microsoft.EntityFrameworkCore.Storage;

namespace InternalSocial.Feed.Services;

/// <summary>Commits the transaction it opened, if any; disposing without committing rolls back.</summary>
internal sealed class WriteScope(IDbContextTransaction? transaction) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
