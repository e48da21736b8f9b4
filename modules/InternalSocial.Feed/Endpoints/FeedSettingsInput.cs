namespace InternalSocial.Feed.Endpoints;

internal sealed record FeedSettingsInput(string? EditorialGuidance, int? PostsPerMinute);
