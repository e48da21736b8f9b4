using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mail;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Newsletter.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Services;

/// <summary>
/// Sends editions: a test to the composer, then once to the whole audience, a chunk of mails at a time. Sending checks
/// <c>Newsletter.Manage</c>; the chunks after the first are queued by <see cref="NewsletterSendTask"/>.
/// </summary>
internal sealed class EditionSender(
    NewsletterDbContext db,
    IAuthorizationService authorization,
    EditionService editions,
    EditionValidator validator,
    IPeopleContacts contacts,
    IMailSender outbox,
    SiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Mails written and queued at a time: the first chunk in the sending request, the others by <see cref="NewsletterSendTask"/>.</summary>
    public const int ChunkSize = 200;

    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    /// <summary>Queues the mail to the composer alone, in their language, marked as a test; nothing is counted.</summary>
    public async Task<string> SendTestAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var me = EditionService.UserId(user);
        var contact = (await contacts.GetContactsAsync([me], cancellationToken)).GetValueOrDefault(me);
        if (contact?.Email is not { Length: > 0 } address)
        {
            throw new InvalidInputException("email", T["Your account has no e-mail address to send the test to."]);
        }

        var preview = await editions.PreviewAsync(user, id, contact.Culture, cancellationToken);
        var subject = CultureScope.Run(CultureInfo.GetCultureInfo(preview.Culture), () => T["[Test] {0}", preview.Subject].Value);
        await outbox.SendAsync([new MailMessage(address, contact.DisplayName, subject, preview.Text, preview.Html)], cancellationToken);
        return address;
    }

    /// <summary>
    /// Fixes the recipients and the content, and queues the first chunk of mails; the background task queues the rest.
    /// A second send of the same edition is refused (409), even when two requests race.
    /// </summary>
    public async Task<SendResult> SendAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var edition = await editions.FindAsync(id, cancellationToken);
        editions.EnsureDraft(edition);
        var checkedEdition = await validator.ValidateStoredAsync(user, edition, cancellationToken);
        var recipientIds = checkedEdition.RecipientIds;
        if (recipientIds.Count == 0)
        {
            throw new InvalidInputException("audience", T["Nobody would receive this edition: its audience has no active person who still takes the newsletter."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = JsonSerializer.Serialize(checkedEdition.Content);
        var sentBy = EditionService.UserId(user);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var taken = await db.Editions.Where(e => e.Id == id && e.Status == EditionStatus.Draft).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EditionStatus.Sending)
                .SetProperty(e => e.SentBy, sentBy)
                .SetProperty(e => e.SentUtc, now)
                .SetProperty(e => e.BaseUrl, checkedEdition.Content.BaseUrl)
                .SetProperty(e => e.Snapshot, snapshot)
                .SetProperty(e => e.RecipientCount, recipientIds.Count), cancellationToken);
            if (taken == 0)
            {
                throw new ConflictException(T["This edition has been sent already; an edition is sent only once."]);
            }

            db.Recipients.AddRange(recipientIds.Select(userId => new Recipient { EditionId = id, UserId = userId, Token = RecipientTokens.New(), Status = RecipientStatus.Pending }));
            db.Links.AddRange(checkedEdition.Content.Links.Select((url, index) => new EditionLink { EditionId = id, LinkIndex = index, Url = url }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        await ProcessChunkAsync(id, cancellationToken);
        var after = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken);
        return new SendResult(id, after.Status.ToString(), after.RecipientCount, after.QueuedCount);
    }

    /// <summary>Writes and queues the mails of one chunk of an edition's waiting recipients. Returns false when none was left.</summary>
    public async Task<bool> ProcessChunkAsync(long id, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Status == EditionStatus.Sending, cancellationToken);
        if (edition?.Snapshot is null)
        {
            return false;
        }

        var claimed = await ClaimChunkAsync(id, cancellationToken);
        if (claimed.Count == 0)
        {
            await CompleteIfDoneAsync(id, cancellationToken);
            return false;
        }

        var content = JsonSerializer.Deserialize<EditionContent>(edition.Snapshot)!;
        var (mails, queuedIds, skippedIds) = await WriteMailsAsync(id, content, claimed, cancellationToken);
        await outbox.SendAsync(mails, cancellationToken);
        await MarkAsync(queuedIds, RecipientStatus.Queued, cancellationToken);
        await MarkAsync(skippedIds, RecipientStatus.Skipped, cancellationToken);
        var progress = await db.Recipients.CountAsync(r => r.EditionId == id && r.Status == RecipientStatus.Queued, cancellationToken);
        await db.Editions.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.QueuedCount, progress), cancellationToken);
        if (claimed.Count < ChunkSize)
        {
            // The last chunk: mark the edition sent now rather than on the next run.
            return await ProcessChunkAsync(id, cancellationToken);
        }

        return true;
    }

    /// <summary>Takes up to a chunk of waiting recipients (or ones a crashed run left claimed too long) for this run alone.</summary>
    private async Task<List<Recipient>> ClaimChunkAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - ClaimLease;
        var claimId = Guid.NewGuid().ToString();
        var candidates = await db.Recipients.Where(r => r.EditionId == id && (r.Status == RecipientStatus.Pending || (r.Status == RecipientStatus.Claimed && r.ClaimedUtc < expired)))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(ChunkSize).ToListAsync(cancellationToken);
        if (candidates.Count > 0)
        {
            // Claimed with a condition: another node that took the same rows first leaves nothing to this one.
            await db.Recipients.Where(r => candidates.Contains(r.Id) && (r.Status == RecipientStatus.Pending || (r.Status == RecipientStatus.Claimed && r.ClaimedUtc < expired)))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Claimed).SetProperty(r => r.ClaimId, claimId).SetProperty(r => r.ClaimedUtc, now), cancellationToken);
        }

        return await db.Recipients.AsNoTracking().Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Claimed).ToListAsync(cancellationToken);
    }

    private async Task CompleteIfDoneAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Recipients.AnyAsync(r => r.EditionId == id && (r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Claimed), cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var queued = await db.Recipients.CountAsync(r => r.EditionId == id && r.Status == RecipientStatus.Queued, cancellationToken);
        await db.Editions.Where(e => e.Id == id && e.Status == EditionStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sent).SetProperty(e => e.CompletedUtc, now).SetProperty(e => e.QueuedCount, queued), cancellationToken);
    }

    /// <summary>One mail per reachable recipient, written once per language; those who left, opted out or have no address are skipped.</summary>
    private async Task<(List<MailMessage> Mails, List<long> QueuedIds, List<long> SkippedIds)> WriteMailsAsync(long id, EditionContent content, List<Recipient> claimed, CancellationToken cancellationToken)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        var branding = Branding.For(site, content.BaseUrl);
        var userIds = claimed.Select(r => r.UserId).ToList();
        var reach = await contacts.GetContactsAsync(userIds, cancellationToken);
        var optedOut = (await db.OptOuts.AsNoTracking().Where(o => userIds.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var mails = new List<MailMessage>();
        var queuedIds = new List<long>();
        var skippedIds = new List<long>();
        var written = new Dictionary<string, RenderedMail>();
        foreach (var recipient in claimed)
        {
            if (optedOut.Contains(recipient.UserId) || !reach.TryGetValue(recipient.UserId, out var contact) || !contact.IsActive || contact.Email is not { Length: > 0 } address)
            {
                skippedIds.Add(recipient.Id);
                continue;
            }

            var language = contact.Culture is { Length: > 0 } chosen && SiteSettings.SupportedCultures.Contains(chosen) ? chosen : site.DefaultCulture;
            if (!written.TryGetValue(language, out var mail))
            {
                mail = CultureScope.Run(CultureInfo.GetCultureInfo(language), () => NewsletterContent.Render(content, branding, NewsletterContent.TokenPlaceholder, T));
                written[language] = mail;
            }

            mails.Add(new MailMessage(
                address,
                contact.DisplayName,
                mail.Subject,
                mail.Text.Replace(NewsletterContent.TokenPlaceholder, recipient.Token, StringComparison.Ordinal),
                mail.Html.Replace(NewsletterContent.TokenPlaceholder, recipient.Token, StringComparison.Ordinal))
            {
                DeduplicationKey = $"newsletter:{id}:{recipient.UserId}",
                UnsubscribeUrl = mail.UnsubscribeUrl?.Replace(NewsletterContent.TokenPlaceholder, recipient.Token, StringComparison.Ordinal),
            });
            queuedIds.Add(recipient.Id);
        }

        return (mails, queuedIds, skippedIds);
    }

    private async Task MarkAsync(List<long> recipientIds, RecipientStatus status, CancellationToken cancellationToken)
    {
        if (recipientIds.Count > 0)
        {
            await db.Recipients.Where(r => recipientIds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status), cancellationToken);
        }
    }
}
