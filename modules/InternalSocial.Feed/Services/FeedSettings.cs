namespace InternalSocial.Feed.Services;

/// <summary>The feed's settings in a tenant.</summary>
/// <param name="EditorialGuidance">Shown beside the composer (the charter module will own it later).</param>
/// <param name="PostsPerMinute">Posts, comments, relays and uploads one person may write a minute; null: the host's default.</param>
internal sealed record FeedSettings(string EditorialGuidance, int? PostsPerMinute = null);
