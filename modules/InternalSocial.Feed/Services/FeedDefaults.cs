namespace InternalSocial.Feed.Services;

/// <summary>The host's defaults for every tenant (<c>InternalSocial:Feed:PostsPerMinute</c>, 30 unless configured).</summary>
internal sealed record FeedDefaults(int PostsPerMinute);
