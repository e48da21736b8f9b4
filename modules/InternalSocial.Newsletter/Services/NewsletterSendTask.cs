using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Newsletter.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Newsletter.Services;

/// <summary>
/// Queues the mails of editions being sent, a chunk at a time, so that a send to thousands of people never holds a
/// request; each chunk is claimed in the database, so several nodes share the work without writing a mail twice.
/// </summary>
internal sealed class NewsletterSendTask(NewsletterDbContext db, EditionSender sender) : IBackgroundTask
{
    /// <summary>Chunks per edition and run: bounds one run (the next run goes on).</summary>
    public const int MaxChunksPerRun = 25;

    public TimeSpan Interval => TimeSpan.Zero;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sending = await db.Editions.AsNoTracking().Where(e => e.Status == EditionStatus.Sending).OrderBy(e => e.Id).Select(e => e.Id).Take(20).ToListAsync(cancellationToken);
        foreach (var id in sending)
        {
            for (var chunk = 0; chunk < MaxChunksPerRun && await sender.ProcessChunkAsync(id, cancellationToken); chunk++)
            {
            }
        }
    }
}
