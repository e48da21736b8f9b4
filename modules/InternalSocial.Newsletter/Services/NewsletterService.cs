using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mail;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Newsletter.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AudienceKinds = InternalSocial.Newsletter.Models.AudienceKinds;

namespace InternalSocial.Newsletter.Services;

public sealed record BlockInput(long? PostId, string? Text);

public sealed record EditionAudienceInput(bool Everyone, IReadOnlyList<string>? Departments, IReadOnlyList<string>? Sites, IReadOnlyList<long>? Groups);

public sealed record EditionInput(string? Title, string? Intro, IReadOnlyList<BlockInput>? Blocks, EditionAudienceInput? Audience);

public sealed record EditionSummary(long Id, string Title, string Status, DateTime UpdatedUtc, DateTime? SentUtc, int Recipients);

public sealed record BlockView(long? PostId, string? Text);

public sealed record AudienceView(bool Everyone, IReadOnlyList<string> Departments, IReadOnlyList<string> Sites, IReadOnlyList<AudienceGroup> Groups);

public sealed record LinkStats(int Index, string Url, int UniqueClicks);

/// <summary>Counts only: nobody's name, so the page says how an edition did without saying who read it.</summary>
public sealed record EditionStats(int Recipients, int Queued, int Delivered, int UniqueOpens, int UniqueClicks, IReadOnlyList<LinkStats> Links);

public sealed record EditionView(
    long Id,
    string Title,
    string Intro,
    string Status,
    IReadOnlyList<BlockView> Blocks,
    AudienceView Audience,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    DateTime? SentUtc,
    DateTime? CompletedUtc,
    EditionStats? Stats);

public sealed record SendResult(long Id, string Status, int Recipients, int Queued);

public sealed record MailPreview(string Subject, string Html, string Text, string Culture);

/// <summary>
/// Composes, checks and sends newsletter editions. Every method checks <c>Newsletter.Manage</c>, except the tracking and
/// unsubscribe calls that a recipient's mail client makes with the recipient's unguessable token.
/// </summary>
public sealed class NewsletterService(
    NewsletterDbContext db,
    IAuthorizationService authorization,
    PostService posts,
    IPeopleLookup people,
    IPeopleContacts contacts,
    INewsletterGroups groups,
    IMailSender outbox,
    SiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxTitle = 200;
    public const int MaxIntro = 10000;
    public const int MaxText = 5000;
    public const int MaxBlocks = 30;
    public const int MaxAudienceEntries = 50;
    public const int MaxAudienceValue = 100;
    public const int MaxEditions = 200;

    /// <summary>Mails written and queued at a time: the first chunk in the sending request, the others by <see cref="NewsletterSendTask"/>.</summary>
    public const int ChunkSize = 200;

    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<EditionSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return await db.Editions.AsNoTracking().OrderByDescending(e => e.Id).Take(MaxEditions)
            .Select(e => new EditionSummary(e.Id, e.Title, e.Status.ToString(), e.UpdatedUtc, e.SentUtc, e.RecipientCount))
            .ToListAsync(cancellationToken);
    }

    public async Task<EditionView> GetAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var edition = await FindAsync(id, cancellationToken);
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.EditionId == id).OrderBy(b => b.Position).Select(b => new BlockView(b.PostId, b.Text)).ToListAsync(cancellationToken);
        var audience = await AudienceAsync(user, edition, cancellationToken);
        var stats = edition.Status == EditionStatus.Draft ? null : await StatsAsync(edition, cancellationToken);
        return new EditionView(edition.Id, edition.Title, edition.Intro, edition.Status.ToString(), blocks, audience, edition.CreatedUtc, edition.UpdatedUtc, edition.SentUtc, edition.CompletedUtc, stats);
    }

    public async Task<long> CreateAsync(ClaimsPrincipal user, EditionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var valid = await ValidateAsync(user, input, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var edition = new Edition { CreatedBy = UserId(user), CreatedUtc = now, UpdatedUtc = now, Status = EditionStatus.Draft };
        Apply(edition, valid);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);
        AddChildren(edition.Id, valid);
        await db.SaveChangesAsync(cancellationToken);
        return edition.Id;
    }

    public async Task UpdateAsync(ClaimsPrincipal user, long id, EditionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException(T["No edition with id {0}.", id]);
        EnsureDraft(edition);
        var valid = await ValidateAsync(user, input, cancellationToken);
        Apply(edition, valid);
        edition.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.Blocks.Where(b => b.EditionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Audiences.Where(a => a.EditionId == id).ExecuteDeleteAsync(cancellationToken);
        AddChildren(id, valid);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The mail as a recipient in <paramref name="culture"/> (default: the composer's language) gets it, with direct links and nothing counted.</summary>
    public async Task<MailPreview> PreviewAsync(ClaimsPrincipal user, long id, string? culture, string baseUrl, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var edition = await FindAsync(id, cancellationToken);
        var content = edition.Snapshot is { } snapshot
            ? JsonSerializer.Deserialize<EditionContent>(snapshot)!
            : (await ValidateStoredAsync(user, edition, baseUrl, cancellationToken)).Content;
        var language = culture is { Length: > 0 } && SiteSettings.SupportedCultures.Contains(culture) ? culture : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!SiteSettings.SupportedCultures.Contains(language))
        {
            language = (await siteSettings.GetAsync(cancellationToken)).DefaultCulture;
        }

        var branding = await BrandingAsync(content.BaseUrl, cancellationToken);
        var mail = CultureScope.Run(CultureInfo.GetCultureInfo(language), () => NewsletterContent.Render(content, branding, null, T));
        return new MailPreview(mail.Subject, mail.Html, mail.Text, language);
    }

    /// <summary>Queues the mail to the composer alone, in their language, marked as a test; nothing is counted.</summary>
    public async Task<string> SendTestAsync(ClaimsPrincipal user, long id, string baseUrl, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var me = UserId(user);
        var contact = (await contacts.GetContactsAsync([me], cancellationToken)).GetValueOrDefault(me);
        if (contact?.Email is not { Length: > 0 } address)
        {
            throw new InvalidInputException("email", T["Your account has no e-mail address to send the test to."]);
        }

        var preview = await PreviewAsync(user, id, contact.Culture, baseUrl, cancellationToken);
        var subject = CultureScope.Run(CultureInfo.GetCultureInfo(preview.Culture), () => T["[Test] {0}", preview.Subject].Value);
        await outbox.SendAsync([new MailMessage(address, contact.DisplayName, subject, preview.Text, preview.Html)], cancellationToken);
        return address;
    }

    /// <summary>
    /// Fixes the recipients and the content, and queues the first chunk of mails; the background task queues the rest.
    /// A second send of the same edition is refused (409), even when two requests race.
    /// </summary>
    public async Task<SendResult> SendAsync(ClaimsPrincipal user, long id, string baseUrl, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var edition = await FindAsync(id, cancellationToken);
        EnsureDraft(edition);
        var checkedEdition = await ValidateStoredAsync(user, edition, baseUrl, cancellationToken);
        var recipientIds = checkedEdition.RecipientIds;
        if (recipientIds.Count == 0)
        {
            throw new InvalidInputException("audience", T["Nobody would receive this edition: its audience has no active person who still takes the newsletter."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = JsonSerializer.Serialize(checkedEdition.Content);
        var sentBy = UserId(user);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var taken = await db.Editions.Where(e => e.Id == id && e.Status == EditionStatus.Draft).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EditionStatus.Sending)
                .SetProperty(e => e.SentBy, sentBy)
                .SetProperty(e => e.SentUtc, now)
                .SetProperty(e => e.BaseUrl, baseUrl)
                .SetProperty(e => e.Snapshot, snapshot)
                .SetProperty(e => e.RecipientCount, recipientIds.Count), cancellationToken);
            if (taken == 0)
            {
                throw new ConflictException(T["This edition has been sent already; an edition is sent only once."]);
            }

            db.Recipients.AddRange(recipientIds.Select(userId => new Recipient { EditionId = id, UserId = userId, Token = NewToken(), Status = RecipientStatus.Pending }));
            db.Links.AddRange(checkedEdition.Content.Links.Select((url, index) => new EditionLink { EditionId = id, LinkIndex = index, Url = url }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        await ProcessChunkAsync(id, cancellationToken);
        var after = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken);
        return new SendResult(id, after.Status.ToString(), after.RecipientCount, after.QueuedCount);
    }

    public async Task<EditionStats> GetStatsAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return await StatsAsync(await FindAsync(id, cancellationToken), cancellationToken);
    }

    /// <summary>Recent company-wide posts the composer sees, to pick from.</summary>
    public async Task<IReadOnlyList<PostCard>> RecentPostsAsync(ClaimsPrincipal user, FeedQuery feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return (await feed.GetAsync(user, FeedFilter.All, null, null, 20, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<AudienceGroup>> GroupChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return groups.Enabled ? await groups.ChoicesAsync(user, cancellationToken) : [];
    }

    /// <summary>Writes and queues the mails of one chunk of an edition's waiting recipients. Returns false when none was left.</summary>
    public async Task<bool> ProcessChunkAsync(long id, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Status == EditionStatus.Sending, cancellationToken);
        if (edition?.Snapshot is null)
        {
            return false;
        }

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

        var claimed = await db.Recipients.AsNoTracking().Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Claimed).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            if (!await db.Recipients.AnyAsync(r => r.EditionId == id && (r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Claimed), cancellationToken))
            {
                var queued = await db.Recipients.CountAsync(r => r.EditionId == id && r.Status == RecipientStatus.Queued, cancellationToken);
                await db.Editions.Where(e => e.Id == id && e.Status == EditionStatus.Sending)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sent).SetProperty(e => e.CompletedUtc, now).SetProperty(e => e.QueuedCount, queued), cancellationToken);
            }

            return false;
        }

        var content = JsonSerializer.Deserialize<EditionContent>(edition.Snapshot)!;
        var site = await siteSettings.GetAsync(cancellationToken);
        var branding = await BrandingAsync(content.BaseUrl, cancellationToken);
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

        await outbox.SendAsync(mails, cancellationToken);
        if (queuedIds.Count > 0)
        {
            await db.Recipients.Where(r => queuedIds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Queued), cancellationToken);
        }

        if (skippedIds.Count > 0)
        {
            await db.Recipients.Where(r => skippedIds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Skipped), cancellationToken);
        }

        var progress = await db.Recipients.CountAsync(r => r.EditionId == id && r.Status == RecipientStatus.Queued, cancellationToken);
        await db.Editions.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.QueuedCount, progress), cancellationToken);
        if (claimed.Count < ChunkSize)
        {
            // The last chunk: mark the edition sent now rather than on the next run.
            return await ProcessChunkAsync(id, cancellationToken);
        }

        return true;
    }

    /// <summary>Counts a first open (the mail's image); unknown tokens count nothing.</summary>
    public async Task RecordOpenAsync(string token, CancellationToken cancellationToken)
    {
        if (!IsToken(token))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Recipients.Where(r => r.Token == token && r.OpenedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.OpenedUtc, now), cancellationToken);
    }

    /// <summary>Counts a click (once per recipient and link) and answers the link's address; only links the sent edition holds.</summary>
    public async Task<string> RecordClickAsync(string token, int index, CancellationToken cancellationToken)
    {
        var recipient = IsToken(token) ? await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, cancellationToken) : null;
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

    /// <summary>True when the token is a recipient's; that person then gets no newsletter any more.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var recipient = token is not null && IsToken(token) ? await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, cancellationToken) : null;
        if (recipient is null)
        {
            return false;
        }

        if (!await db.OptOuts.AnyAsync(o => o.UserId == recipient.UserId, cancellationToken))
        {
            db.OptOuts.Add(new OptOut { UserId = recipient.UserId, OptedOutUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return true;
    }

    /// <summary>Whether the signed-in person receives the newsletter (they do unless they unsubscribed).</summary>
    public async Task<bool> IsSubscribedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = SignedIn(user);
        return !await db.OptOuts.AsNoTracking().AnyAsync(o => o.UserId == userId, cancellationToken);
    }

    /// <summary>The signed-in person's own choice: receive the newsletter again, or stop it (as the mails' link does).</summary>
    public async Task SetSubscribedAsync(ClaimsPrincipal user, bool subscribed, CancellationToken cancellationToken)
    {
        var userId = SignedIn(user);
        if (subscribed)
        {
            await db.OptOuts.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (!await db.OptOuts.AnyAsync(o => o.UserId == userId, cancellationToken))
        {
            db.OptOuts.Add(new OptOut { UserId = userId, OptedOutUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same choice twice at once: one row.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string SignedIn(ClaimsPrincipal user) =>
        UserId(user) is { Length: > 0 } userId ? userId : throw new InvalidOperationException("Only a signed-in person has a newsletter subscription.");

    private sealed record ValidInput(string Title, string Intro, IReadOnlyList<BlockInput> Blocks, bool Everyone, IReadOnlyList<string> Departments, IReadOnlyList<string> Sites, IReadOnlyList<long> Groups);

    private sealed record CheckedEdition(EditionContent Content, IReadOnlyList<string> RecipientIds);

    private async Task<ValidInput> ValidateAsync(ClaimsPrincipal user, EditionInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var valid = Normalize(input, errors);
        if (errors.Count == 0)
        {
            await CheckAudienceAndPostsAsync(user, valid, baseUrl: null, errors, cancellationToken);
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : valid;
    }

    private async Task<CheckedEdition> ValidateStoredAsync(ClaimsPrincipal user, Edition edition, string baseUrl, CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.EditionId == edition.Id).OrderBy(b => b.Position).Select(b => new BlockInput(b.PostId, b.Text)).ToListAsync(cancellationToken);
        var audience = await db.Audiences.AsNoTracking().Where(a => a.EditionId == edition.Id).ToListAsync(cancellationToken);
        var valid = new ValidInput(
            edition.Title,
            edition.Intro,
            blocks,
            edition.AudienceEveryone,
            [.. audience.Where(a => a.Kind == AudienceKinds.Department).Select(a => a.Value)],
            [.. audience.Where(a => a.Kind == AudienceKinds.Site).Select(a => a.Value)],
            [.. audience.Where(a => a.Kind == AudienceKinds.Group).Select(a => long.Parse(a.Value, CultureInfo.InvariantCulture))]);
        var errors = new Dictionary<string, string>();
        var result = await CheckAudienceAndPostsAsync(user, valid, baseUrl, errors, cancellationToken);
        return errors.Count > 0 ? throw new InvalidInputException(errors) : result!;
    }

    private ValidInput Normalize(EditionInput input, Dictionary<string, string> errors)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors["title"] = T["The title is required."];
        }
        else if (title.Length > MaxTitle)
        {
            errors["title"] = T["The title must be at most {0} characters.", MaxTitle];
        }

        var intro = input.Intro?.Trim() ?? "";
        if (intro.Length > MaxIntro)
        {
            errors["intro"] = T["The introduction must be at most {0} characters.", MaxIntro];
        }

        var blocks = input.Blocks ?? [];
        if (blocks.Count > MaxBlocks)
        {
            errors["blocks"] = T["An edition has at most {0} blocks.", MaxBlocks];
        }

        var cleaned = new List<BlockInput>();
        var seen = new HashSet<long>();
        for (var i = 0; i < blocks.Count && i < MaxBlocks; i++)
        {
            var block = blocks[i];
            var text = block?.Text?.Trim();
            if (block?.PostId is { } postId)
            {
                if (!string.IsNullOrEmpty(text))
                {
                    errors[$"blocks[{i}]"] = T["A block is either a post or a text, not both."];
                }
                else if (!seen.Add(postId))
                {
                    errors[$"blocks[{i}].postId"] = T["Post {0} is already in this edition.", postId];
                }

                cleaned.Add(new BlockInput(postId, null));
            }
            else if (string.IsNullOrEmpty(text))
            {
                errors[$"blocks[{i}]"] = T["A block needs a post or a text."];
            }
            else if (text.Length > MaxText)
            {
                errors[$"blocks[{i}].text"] = T["A text block must be at most {0} characters.", MaxText];
            }
            else
            {
                cleaned.Add(new BlockInput(null, text));
            }
        }

        var audience = input.Audience ?? new EditionAudienceInput(false, null, null, null);
        var departments = Values(audience.Departments, "audience.departments", errors);
        var sites = Values(audience.Sites, "audience.sites", errors);
        var groupIds = (audience.Groups ?? []).Distinct().ToList();
        if (groupIds.Count > MaxAudienceEntries)
        {
            errors["audience.groups"] = T["Choose at most {0} groups.", MaxAudienceEntries];
        }

        if (audience.Everyone && (departments.Count > 0 || sites.Count > 0 || groupIds.Count > 0))
        {
            errors["audience"] = T["Choose everyone, or departments, sites and groups, not both."];
        }
        else if (!audience.Everyone && departments.Count == 0 && sites.Count == 0 && groupIds.Count == 0)
        {
            errors["audience"] = T["Choose everyone, or at least one department, site or group."];
        }

        return new ValidInput(title, intro, cleaned, audience.Everyone, departments, sites, groupIds);
    }

    private List<string> Values(IReadOnlyList<string>? values, string field, Dictionary<string, string> errors)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxAudienceEntries)
        {
            errors[field] = T["Choose at most {0}.", MaxAudienceEntries];
        }
        else if (list.FirstOrDefault(v => v.Length > MaxAudienceValue) is { } tooLong)
        {
            errors[field] = T["'{0}' is longer than {1} characters.", tooLong, MaxAudienceValue];
        }

        return list;
    }

    /// <summary>
    /// The rule that keeps a newsletter from leaking: each chosen post must be one every recipient may open. Posts for the
    /// whole company go to employees (not to guests that a chosen group brings in); a group's post goes only in an edition
    /// sent to exactly that group; posts meant for some departments or sites, unpublished or expired ones, never.
    /// </summary>
    private async Task<CheckedEdition?> CheckAudienceAndPostsAsync(ClaimsPrincipal user, ValidInput input, string? baseUrl, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (input.Groups.Count > 0)
        {
            if (!groups.Enabled)
            {
                errors["audience.groups"] = T["Sending to groups needs the feature 'Newsletter to groups'."];
                return null;
            }

            var names = await groups.GetNamesAsync(input.Groups, user, cancellationToken);
            for (var i = 0; i < input.Groups.Count; i++)
            {
                if (!names.ContainsKey(input.Groups[i]))
                {
                    errors[$"audience.groups[{i}]"] = T["No group with id {0}.", input.Groups[i]];
                }
            }

            if (errors.Count > 0)
            {
                return null;
            }
        }

        var recipients = await RecipientsAsync(input, cancellationToken);
        var hasGuests = input.Groups.Count > 0 && (await people.GetByIdsAsync(recipients, cancellationToken)).Values.Any(p => p.IsGuest);
        var onlyGroup = !input.Everyone && input.Departments.Count == 0 && input.Sites.Count == 0 && input.Groups.Count == 1 ? input.Groups[0] : (long?)null;
        var now = clock.GetUtcNow().UtcDateTime;
        var chosen = new List<(PostCard? Post, string? Text)>();
        for (var i = 0; i < input.Blocks.Count; i++)
        {
            if (input.Blocks[i].PostId is not { } postId)
            {
                chosen.Add((null, input.Blocks[i].Text));
                continue;
            }

            PostCard post;
            try
            {
                post = await posts.GetAsync(user, postId, cancellationToken);
            }
            catch (NotFoundException)
            {
                errors[$"blocks[{i}].postId"] = T["No post with id {0}.", postId];
                continue;
            }

            var field = $"blocks[{i}].postId";
            if (post.Status != PostStatus.Published || post.IsDeleted || post.PublishedUtc > now || post.ExpiresUtc <= now)
            {
                errors[field] = T["Post {0} is not published, or no longer: only published posts go in a newsletter.", postId];
            }
            else if (post.GroupId is { } groupId)
            {
                if (groupId != onlyGroup)
                {
                    errors[field] = T["Post {0} belongs to the group '{1}': it can go only in an edition sent to that group alone, whose members may read it.", postId, post.GroupName ?? groupId.ToString(CultureInfo.InvariantCulture)];
                }
            }
            else if (!post.AudienceEveryone)
            {
                errors[field] = T["Post {0} is meant for some departments or sites only: recipients outside them could not open it.", postId];
            }
            else if (hasGuests)
            {
                errors[field] = T["Post {0} is for employees, but the chosen groups have guests, who could not open it.", postId];
            }

            chosen.Add((post, null));
        }

        return baseUrl is null || errors.Count > 0 ? null : new CheckedEdition(NewsletterContent.Build(input.Title, input.Intro, chosen, baseUrl), recipients);
    }

    /// <summary>Active employees of the chosen departments and sites (or all of them), and the active members of the chosen groups, minus those who unsubscribed.</summary>
    private async Task<IReadOnlyList<string>> RecipientsAsync(ValidInput input, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (input.Everyone || input.Departments.Count > 0 || input.Sites.Count > 0)
        {
            ids.UnionWith(await people.GetActiveEmployeeIdsAsync(input.Departments, input.Sites, cancellationToken));
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupId in input.Groups)
        {
            members.UnionWith(await groups.GetMemberIdsAsync(groupId, cancellationToken));
        }

        members.ExceptWith(ids);
        if (members.Count > 0)
        {
            var reach = await contacts.GetContactsAsync(members, cancellationToken);
            ids.UnionWith(members.Where(m => reach.TryGetValue(m, out var contact) && contact.IsActive));
        }

        var optedOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            optedOut.UnionWith(await db.OptOuts.AsNoTracking().Where(o => chunk.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(cancellationToken));
        }

        return [.. ids.Where(id => !optedOut.Contains(id)).Order(StringComparer.Ordinal)];
    }

    private async Task<EditionStats> StatsAsync(Edition edition, CancellationToken cancellationToken)
    {
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

    private async Task<AudienceView> AudienceAsync(ClaimsPrincipal user, Edition edition, CancellationToken cancellationToken)
    {
        var audience = await db.Audiences.AsNoTracking().Where(a => a.EditionId == edition.Id).ToListAsync(cancellationToken);
        var groupIds = audience.Where(a => a.Kind == AudienceKinds.Group).Select(a => long.Parse(a.Value, CultureInfo.InvariantCulture)).ToList();
        var names = groupIds.Count == 0 ? new Dictionary<long, string>() : await groups.GetNamesAsync(groupIds, user, cancellationToken);
        return new AudienceView(
            edition.AudienceEveryone,
            [.. audience.Where(a => a.Kind == AudienceKinds.Department).Select(a => a.Value).Order(StringComparer.CurrentCulture)],
            [.. audience.Where(a => a.Kind == AudienceKinds.Site).Select(a => a.Value).Order(StringComparer.CurrentCulture)],
            [.. groupIds.Select(g => new AudienceGroup(g, names.GetValueOrDefault(g) ?? T["Group {0}", g].Value))]);
    }

    private async Task<Branding> BrandingAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        return new Branding(site.SiteName, site.AccentColor ?? NewsletterContent.DefaultAccent, site.Logo is { } logo ? $"{baseUrl}/logo.webp?v={logo.Version}" : null);
    }

    private async Task<Edition> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException(T["No edition with id {0}.", id]);

    private void EnsureDraft(Edition edition)
    {
        if (edition.Status != EditionStatus.Draft)
        {
            throw new ConflictException(T["This edition has been sent already; an edition is sent only once."]);
        }
    }

    private static void Apply(Edition edition, ValidInput valid)
    {
        edition.Title = valid.Title;
        edition.Intro = valid.Intro;
        edition.AudienceEveryone = valid.Everyone;
    }

    private void AddChildren(long id, ValidInput valid)
    {
        db.Blocks.AddRange(valid.Blocks.Select((b, i) => new EditionBlock { EditionId = id, Position = i, PostId = b.PostId, Text = b.Text }));
        db.Audiences.AddRange(valid.Departments.Select(d => new EditionAudience { EditionId = id, Kind = AudienceKinds.Department, Value = d }));
        db.Audiences.AddRange(valid.Sites.Select(s => new EditionAudience { EditionId = id, Kind = AudienceKinds.Site, Value = s }));
        db.Audiences.AddRange(valid.Groups.Select(g => new EditionAudience { EditionId = id, Kind = AudienceKinds.Group, Value = g.ToString(CultureInfo.InvariantCulture) }));
    }

    private static string UserId(ClaimsPrincipal user) => user.GetUserId();

    private static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    private static bool IsToken(string token) => token.Length == 32 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
