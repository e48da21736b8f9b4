using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Shells;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Views waiting to be written (a tenant singleton). Reading a page only queues the views it adds; they are written in
/// batches by <see cref="ViewFlushTask"/>, or at once by what reads them (announcement statistics, erasure). A thousand
/// people opening the feed in the same second then cost the database a few batched writes instead of a thousand reads
/// and writes in their requests (docs/benchmarks.md, feed). Views are a statistic (reach): a node that stops abruptly
/// loses the views of its last few seconds.
/// </summary>
public sealed class PendingViews(ShellSettings shell) : IDisposable
{
    /// <summary>Rows per INSERT: three parameters each, well under every provider's limit.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// One queue per tenant for the process, not per shell: enabling a feature replaces the tenant's shell, and the views
    /// the old one had queued are written by the new one.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<PostView>> Queues = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<PostView> _queue = Queues.GetOrAdd(shell.Name, _ => new ConcurrentQueue<PostView>());
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Dispose() => _flushing.Dispose();

    public void Add(string userId, IEnumerable<long> postIds, DateTime viewedUtc)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        foreach (var postId in postIds)
        {
            _queue.Enqueue(new PostView { PostId = postId, UserId = userId, ViewedUtc = viewedUtc });
        }
    }

    /// <summary>
    /// Writes every queued view, keeping the first of each person's views of a post. One flush at a time: a caller that
    /// counts views after flushing sees those another flush was writing.
    /// </summary>
    public async Task FlushAsync(FeedDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<PostView>(BatchSize);
            while (true)
            {
                batch.Clear();
                while (batch.Count < BatchSize && _queue.TryDequeue(out var view))
                {
                    batch.Add(view);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                try
                {
                    await InsertAsync(db, batch, cancellationToken);
                }
                catch
                {
                    // Kept for the next flush (the database may be back by then); the order of views does not matter.
                    batch.ForEach(_queue.Enqueue);
                    throw;
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private static Task<int> InsertAsync(FeedDbContext db, List<PostView> batch, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO \"Feed_PostViews\" (\"PostId\", \"UserId\", \"ViewedUtc\") VALUES ");
        var parameters = new List<object>(batch.Count * 3);
        for (var i = 0; i < batch.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{3 * i}}}, {{{(3 * i) + 1}}}, {{{(3 * i) + 2}}})");
            parameters.Add(batch[i].PostId);
            parameters.Add(batch[i].UserId);
            parameters.Add(batch[i].ViewedUtc);
        }

        sql.Append(" ON CONFLICT DO NOTHING");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }
}

/// <summary>Writes the queued views at every background tick.</summary>
public sealed class ViewFlushTask(PendingViews views, FeedDbContext db) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromSeconds(5);

    public Task RunAsync(CancellationToken cancellationToken) => views.FlushAsync(db, cancellationToken);
}
