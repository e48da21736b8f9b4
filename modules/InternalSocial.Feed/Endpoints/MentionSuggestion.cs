namespace InternalSocial.Feed.Endpoints;

internal sealed record MentionSuggestion(string UserName, string DisplayName);
