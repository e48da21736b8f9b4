using System.Text.Json;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Notifications.Services;

/// <summary>
/// Writes the notifications of large audiences queued by <see cref="Notifier"/>, a chunk at a time. Each chunk is one
/// transaction: its notifications, its queued e-mails and the job's progress commit together, and the progress is
/// claimed with a conditional update, so two nodes never write the same chunk and a crash loses or repeats nothing.
/// </summary>
internal sealed class FanOutTask(IServiceScopeFactory scopes, TenantDatabase database, TimeProvider clock) : IBackgroundTask
{
    public const int ChunkSize = 500;

    /// <summary>About 20,000 people per run, so one announcement does not hold back the tenant's other tasks for long.</summary>
    private const int MaxChunksPerRun = 40;

    public TimeSpan Interval => TimeSpan.Zero;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var chunk = 0; chunk < MaxChunksPerRun; chunk++)
        {
            if (!await RunChunkAsync(cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Delivers the next chunk of the oldest unfinished fan-out; false when there is none.</summary>
    public async Task<bool> RunChunkAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await AmbientTransaction.BeginAsync(database, cancellationToken);
        using (transaction.Activate())
        {
            // A scope created inside the transaction: its DbContexts (ours, the e-mail outbox's) join it.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var job = await db.FanOuts.AsNoTracking()
                .Where(f => f.CompletedUtc == null)
                .OrderBy(f => f.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return false;
            }

            var recipients = JsonSerializer.Deserialize<List<string>>(job.RecipientsJson) ?? [];
            var next = Math.Min(job.NextIndex + ChunkSize, recipients.Count);
            DateTime? completed = next >= recipients.Count ? clock.GetUtcNow().UtcDateTime : null;
            var claimed = await db.FanOuts
                .Where(f => f.Id == job.Id && f.NextIndex == job.NextIndex && f.CompletedUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.NextIndex, next).SetProperty(f => f.CompletedUtc, completed), cancellationToken);
            if (claimed == 1 && next > job.NextIndex)
            {
                var texts = JsonSerializer.Deserialize<Dictionary<string, NotificationText>>(job.TextsJson) ?? [];
                var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
                await notifier.DeliverAsync(ToRequest(job, texts), recipients[job.NextIndex..next], cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    private static NotificationRequest ToRequest(FanOut job, Dictionary<string, NotificationText> texts) => new()
    {
        Kind = job.Kind,
        RecipientIds = [],
        Url = job.Url,
        ActorId = job.ActorId,
        ResourceType = job.ResourceType,
        ResourceId = job.ResourceId,
        DeduplicationKey = job.DeduplicationKey,
        // Written in every language the site offers when queued; a culture without text (one added since) gets the first.
        Text = culture => texts.TryGetValue(culture.Name, out var text) || texts.TryGetValue(culture.TwoLetterISOLanguageName, out text) ? text : texts.Values.First(),
    };
}
