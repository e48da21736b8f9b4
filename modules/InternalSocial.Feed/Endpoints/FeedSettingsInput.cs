namespace InternalSocial.Feed.Endpoints;

public sealed record FeedSettingsInput(string? EditorialGuidance, int? PostsPerMinute);
