using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Newsletter.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AudienceKinds = InternalSocial.Newsletter.Models.AudienceKinds;

namespace InternalSocial.Newsletter.Services;

/// <summary>Composes editions: lists, reads, writes and previews them. Every method checks <c>Newsletter.Manage</c>.</summary>
internal sealed class EditionService(
    NewsletterDbContext db,
    IAuthorizationService authorization,
    EditionValidator validator,
    NewsletterTracking tracking,
    INewsletterGroups groups,
    SiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxEditions = 200;

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
        var stats = edition.Status == EditionStatus.Draft ? null : await tracking.StatsAsync(edition, cancellationToken);
        return new EditionView(edition.Id, edition.Title, edition.Intro, edition.Status.ToString(), blocks, audience, edition.CreatedUtc, edition.UpdatedUtc, edition.SentUtc, edition.CompletedUtc, stats);
    }

    public async Task<long> CreateAsync(ClaimsPrincipal user, EditionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var valid = await validator.ValidateAsync(user, input, cancellationToken);
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
        var valid = await validator.ValidateAsync(user, input, cancellationToken);
        Apply(edition, valid);
        edition.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.Blocks.Where(b => b.EditionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Audiences.Where(a => a.EditionId == id).ExecuteDeleteAsync(cancellationToken);
        AddChildren(id, valid);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The mail as a recipient in <paramref name="culture"/> (default: the composer's language) gets it, with direct links and nothing counted.</summary>
    public async Task<MailPreview> PreviewAsync(ClaimsPrincipal user, long id, string? culture, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        var edition = await FindAsync(id, cancellationToken);
        var content = edition.Snapshot is { } snapshot
            ? JsonSerializer.Deserialize<EditionContent>(snapshot)!
            : (await validator.ValidateStoredAsync(user, edition, cancellationToken)).Content;
        var site = await siteSettings.GetAsync(cancellationToken);
        var language = culture is { Length: > 0 } && SiteSettings.SupportedCultures.Contains(culture) ? culture : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!SiteSettings.SupportedCultures.Contains(language))
        {
            language = site.DefaultCulture;
        }

        var branding = Branding.For(site, content.BaseUrl);
        var mail = CultureScope.Run(CultureInfo.GetCultureInfo(language), () => NewsletterContent.Render(content, branding, null, T));
        return new MailPreview(mail.Subject, mail.Html, mail.Text, language);
    }

    public async Task<EditionStats> GetStatsAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return await tracking.StatsAsync(await FindAsync(id, cancellationToken), cancellationToken);
    }

    /// <summary>Recent company-wide posts the composer sees, to pick from.</summary>
    public async Task<IReadOnlyList<PostExcerpt>> RecentPostsAsync(ClaimsPrincipal user, IPostExcerpts posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return await posts.LatestAsync(user, 20, cancellationToken);
    }

    public async Task<IReadOnlyList<AudienceGroup>> GroupChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNewsletter);
        return groups.Enabled ? await groups.ChoicesAsync(user, cancellationToken) : [];
    }

    /// <summary>The edition, unchanged; 404 when there is none. The caller has checked the permission.</summary>
    internal async Task<Edition> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException(T["No edition with id {0}.", id]);

    internal void EnsureDraft(Edition edition)
    {
        if (edition.Status != EditionStatus.Draft)
        {
            throw new ConflictException(T["This edition has been sent already; an edition is sent only once."]);
        }
    }

    internal static string UserId(ClaimsPrincipal user) => user.GetUserId();

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

    private static void Apply(Edition edition, ValidEdition valid)
    {
        edition.Title = valid.Title;
        edition.Intro = valid.Intro;
        edition.AudienceEveryone = valid.Everyone;
    }

    private void AddChildren(long id, ValidEdition valid)
    {
        db.Blocks.AddRange(valid.Blocks.Select((b, i) => new EditionBlock { EditionId = id, Position = i, PostId = b.PostId, Text = b.Text }));
        db.Audiences.AddRange(valid.Departments.Select(d => new EditionAudience { EditionId = id, Kind = AudienceKinds.Department, Value = d }));
        db.Audiences.AddRange(valid.Sites.Select(s => new EditionAudience { EditionId = id, Kind = AudienceKinds.Site, Value = s }));
        db.Audiences.AddRange(valid.Groups.Select(g => new EditionAudience { EditionId = id, Kind = AudienceKinds.Group, Value = g.ToString(CultureInfo.InvariantCulture) }));
    }
}
