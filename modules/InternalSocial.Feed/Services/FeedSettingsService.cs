using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>The feed's settings in a tenant.</summary>
/// <param name="EditorialGuidance">Shown beside the composer (the charter module will own it later).</param>
/// <param name="PostsPerMinute">Posts, comments, relays and uploads one person may write a minute; null: the host's default.</param>
public sealed record FeedSettings(string EditorialGuidance, int? PostsPerMinute = null);

/// <summary>The host's defaults for every tenant (<c>InternalSocial:Feed:PostsPerMinute</c>, 30 unless configured).</summary>
public sealed record FeedDefaults(int PostsPerMinute);

/// <summary>
/// The tenant's feed settings as last read, shared by the requests of one shell (the rate limiter reads it on every
/// write). An entry lives a minute, so that the other web nodes of a tenant see a saved change within a minute.
/// </summary>
public sealed class FeedSettingsCache
{
    private static readonly long LifetimeMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private volatile Entry? _entry;

    /// <summary>Null when nothing was read yet, or when what was read is more than a minute old.</summary>
    public FeedSettings? Value
    {
        get => _entry is { } entry && Environment.TickCount64 - entry.LoadedAt < LifetimeMilliseconds ? entry.Settings : null;
        set => _entry = value is null ? null : new Entry(value, Environment.TickCount64);
    }

    private sealed record Entry(FeedSettings Settings, long LoadedAt);
}

/// <summary>Reads and writes the feed's settings; writing needs <c>Feed.ManageTags</c>.</summary>
public sealed class FeedSettingsService(
    DocumentStore documents,
    FeedSettingsCache cache,
    FeedDefaults defaults,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T)
{
    public const string DocumentId = "feed-settings";
    public const int MaxGuidanceLength = 2000;
    public const int MaxPostsPerMinute = 1000;

    public async Task<FeedSettings> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.Value is { } cached)
        {
            return cached;
        }

        var settings = await documents.GetAsync<FeedSettings>(DocumentId, cancellationToken) ?? new FeedSettings("");
        cache.Value = settings;
        return settings;
    }

    /// <summary>The limit in force: the tenant's own, else the host's default.</summary>
    public int EffectivePostsPerMinute(FeedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.PostsPerMinute ?? defaults.PostsPerMinute;
    }

    public async Task SaveAsync(ClaimsPrincipal user, string? guidance, int? postsPerMinute, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTags);
        var text = (guidance ?? "").Trim();
        var errors = new Dictionary<string, string>();
        if (text.Length > MaxGuidanceLength)
        {
            errors["editorialGuidance"] = T["The guidance must be at most {0} characters.", MaxGuidanceLength];
        }

        if (postsPerMinute is < 1 or > MaxPostsPerMinute)
        {
            errors["postsPerMinute"] = T["The limit must be between 1 and {0} a minute (empty for the default).", MaxPostsPerMinute];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        await documents.SaveAsync(DocumentId, new FeedSettings(text, postsPerMinute), cancellationToken);
        cache.Value = null;
    }
}
