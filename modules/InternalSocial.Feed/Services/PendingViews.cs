using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel.Shells;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Views waiting to be written (a tenant singleton). Reading a page only queues the views it adds; they are written in
/// batches by <see cref="ViewFlushTask"/>, or at once by what reads them (announcement statistics, erasure). A thousand
/// people opening the feed in the same second then cost the database a few batched writes instead of a thousand reads
/// and writes in their requests (docs/benchmarks.md, feed). Views are a statistic (reach): a node that stops abruptly
/// loses the views of its last few seconds, and while the database refuses them the queue keeps at most
/// <see cref="Capacity"/> views and drops the newer ones.
/// </summary>
internal sealed class PendingViews : IDisposable
{
    /// <summary>Rows per INSERT: three parameters each, well under every provider's limit.</summary>
    public const int BatchSize = 500;

    /// <summary>Views a tenant's queue keeps (a few tens of megabytes): minutes of a large organisation's reading.</summary>
    public const int DefaultCapacity = 200_000;

    /// <summary>
    /// One queue per tenant for the process, not per shell: enabling a feature replaces the tenant's shell, and the views
    /// the old one had queued are written by the new one.
    /// </summary>
    private static readonly ConcurrentDictionary<string, TenantQueue> Queues = new(StringComparer.Ordinal);

    private readonly TenantQueue _queue;
    private readonly ILogger<PendingViews> _logger;
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public PendingViews(ShellSettings shell, ILogger<PendingViews> logger)
        : this(shell.Name, logger, DefaultCapacity)
    {
    }

    /// <summary>A queue keyed by <paramref name="queueName"/> holding at most <paramref name="capacity"/> views.</summary>
    public PendingViews(string queueName, ILogger<PendingViews> logger, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _queue = Queues.GetOrAdd(queueName, _ => new TenantQueue());
        _logger = logger;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Views waiting to be written.</summary>
    public int Count => Volatile.Read(ref _queue.Count);

    public void Dispose() => _flushing.Dispose();

    public void Add(string userId, IEnumerable<long> postIds, DateTime viewedUtc)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        foreach (var postId in postIds)
        {
            Enqueue(new PostView { PostId = postId, UserId = userId, ViewedUtc = viewedUtc });
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
                while (batch.Count < BatchSize && _queue.Views.TryDequeue(out var view))
                {
                    Interlocked.Decrement(ref _queue.Count);
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
                    batch.ForEach(Enqueue);
                    throw;
                }
            }
        }
        finally
        {
            _flushing.Release();
            var dropped = Interlocked.Exchange(ref _queue.Dropped, 0);
            if (dropped > 0)
            {
                _logger.LogWarning("{Count} views were dropped: {Capacity} were already waiting for the database.", dropped, Capacity);
            }
        }
    }

    private void Enqueue(PostView view)
    {
        if (Interlocked.Increment(ref _queue.Count) > Capacity)
        {
            Interlocked.Decrement(ref _queue.Count);
            Interlocked.Increment(ref _queue.Dropped);
            return;
        }

        _queue.Views.Enqueue(view);
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

    /// <summary>A tenant's queue, its length kept beside it (<see cref="ConcurrentQueue{T}.Count"/> walks the queue).</summary>
    private sealed class TenantQueue
    {
        public readonly ConcurrentQueue<PostView> Views = new();
        public int Count;
        public long Dropped;
    }
}
