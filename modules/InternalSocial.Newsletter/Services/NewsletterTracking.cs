using InternalSocial.Kernel;
using InternalSocial.Kernel.Mail;
using InternalSocial.Newsletter.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Services;

/// <summary>
/// Opens and clicks, recorded from the recipient's mail client with the recipient's unguessable token (no sign-in), and
/// the counts they add up to.
/// </summary>
internal sealed class NewsletterTracking(NewsletterDbContext db, IMailSender outbox, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    /// <summary>Counts a first open (the mail's image); unknown tokens count nothing.</summary>
    public async Task RecordOpenAsync(string token, CancellationToken cancellationToken)
    {
        if (!RecipientTokens.IsWellFormed(token))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Recipients.Where(r => r.Token == token && r.OpenedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.OpenedUtc, now), cancellationToken);
    }

    /// <summary>Counts a click (once per recipient and link) and answers the link's address; only links the sent edition holds.</summary>
    public async Task<string> RecordClickAsync(string token, int index, CancellationToken cancellationToken)
    {
        var recipient = RecipientTokens.IsWellFormed(token) ? await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, cancellationToken) : null;
        var link = recipient is null ? null : await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.EditionId == recipient.EditionId && l.LinkIndex == index, cancellationToken);
        if (recipient is null || link is null)
        {
            throw new NotFoundException(T["This link is not one of the newsletter's."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Clicks.AnyAsync(c => c.RecipientId == recipient.Id && c.LinkIndex == index, cancellationToken))
        {
            db.Clicks.Add(new LinkClick { RecipientId = recipient.Id, LinkIndex = index, EditionId = recipient.EditionId, ClickedUtc = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same click twice at once: counted once.
                db.ChangeTracker.Clear();
            }
        }

        await db.Recipients.Where(r => r.Id == recipient.Id && r.ClickedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClickedUtc, now), cancellationToken);
        await db.Recipients.Where(r => r.Id == recipient.Id && r.OpenedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.OpenedUtc, now), cancellationToken);
        return link.Url;
    }

    /// <summary>A sent edition's counts; the caller has checked <c>Newsletter.Manage</c>.</summary>
    public async Task<EditionStats> StatsAsync(Edition edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var id = edition.Id;
        var opens = await db.Recipients.CountAsync(r => r.EditionId == id && r.OpenedUtc != null, cancellationToken);
        var clicks = await db.Recipients.CountAsync(r => r.EditionId == id && r.ClickedUtc != null, cancellationToken);
        var perLink = await db.Clicks.AsNoTracking().Where(c => c.EditionId == id).GroupBy(c => c.LinkIndex)
            .Select(g => new { Index = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Index, g => g.Count, cancellationToken);
        var links = await db.Links.AsNoTracking().Where(l => l.EditionId == id).OrderBy(l => l.LinkIndex).ToListAsync(cancellationToken);
        var delivered = await outbox.CountSentAsync($"newsletter:{id}:", cancellationToken);
        return new EditionStats(edition.RecipientCount, edition.QueuedCount, delivered, opens, clicks,
            [.. links.Select(l => new LinkStats(l.LinkIndex, l.Url, perLink.GetValueOrDefault(l.LinkIndex)))]);
    }
}
