using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Services;

/// <summary>
/// One writer of votes per tenant and node: requests queue their checked votes, and the writer commits those waiting
/// together in one transaction (<see cref="VoteWriter.WriteBatchAsync"/>), each request awaiting its batch. A database takes one
/// write transaction at a time on the hot rows (SQLite the whole file, PostgreSQL the poll's counters), so many
/// voters at once pay one commit per batch instead of queueing one commit each (docs/decisions/0023-vote-writes.md).
/// </summary>
internal sealed class VoteBatcher(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Enough to take a burst of voters in a few batches, few enough that a batch stays short.</summary>
    public const int MaxBatch = 64;

    private readonly Channel<PendingVote> _queue = Channel.CreateUnbounded<PendingVote>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _starting = new();
    private Task? _loop;

    /// <summary>Queues the vote; completes once its batch is committed (or refused).</summary>
    public Task<VoteOutcome> WriteAsync(PendingVote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(vote), this);

        lock (_starting)
        {
            _loop ??= Task.Run(RunAsync);
        }

        return vote.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop;
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingVote>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var vote))
            {
                batch.Add(vote);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// Commits the batch; when it fails, each vote again on its own, so that one vote's failure (or a poll changed
    /// under a vote) reaches that request only.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<PendingVote> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<VoteWriter>().WriteBatchAsync(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception exception)
        {
            if (batch.Count == 1)
            {
                batch[0].Outcome.TrySetException(exception);
                return;
            }

            foreach (var vote in batch)
            {
                await WriteAsync([vote]);
            }
        }
    }
}
