using InternalSocial.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Workflows.Services;

/// <summary>The transaction of a workflow run, shared by every module's DbContext the run touches.</summary>
internal sealed class WorkflowTransactions(IServiceScopeFactory scopes, TenantDatabase database)
{
    private static int _savepoints;

    /// <summary>
    /// Runs <paramref name="work"/> in a fresh scope whose module DbContexts share one transaction; inside an existing
    /// one (a recipe), in a savepoint of it.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken)
    {
        if (AmbientTransaction.For(database) is { } ambient)
        {
            var savepoint = $"wf{Interlocked.Increment(ref _savepoints)}";
            await ambient.Transaction.SaveAsync(savepoint, cancellationToken);
            try
            {
                await using var nested = scopes.CreateAsyncScope();
                var result = await work(nested.ServiceProvider);
                await ambient.Transaction.ReleaseAsync(savepoint, cancellationToken);
                return result;
            }
            catch
            {
                await ambient.Transaction.RollbackAsync(savepoint, CancellationToken.None);
                throw;
            }
        }

        await using var transaction = await AmbientTransaction.BeginAsync(database, cancellationToken);
        T value;
        using (transaction.Activate())
        {
            await using var scope = scopes.CreateAsyncScope();
            value = await work(scope.ServiceProvider);
        }

        await transaction.CommitAsync(cancellationToken);
        return value;
    }
}
