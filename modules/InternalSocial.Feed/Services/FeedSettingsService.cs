using System.Security.Claims;
using InternalSocial.Feed.Caching;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>Reads and writes the feed's settings; writing needs <c>Feed.ManageTags</c>.</summary>
internal sealed class FeedSettingsService(
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
