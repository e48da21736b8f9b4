namespace InternalSocial.Feed.Endpoints;

/// <param name="PostsPerMinute">The tenant's own limit; null when the host's default applies.</param>
internal sealed record FeedSettingsResponse(string EditorialGuidance, int? PostsPerMinute, int EffectivePostsPerMinute);
