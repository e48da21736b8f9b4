namespace InternalSocial.Feed.Endpoints;

public sealed record MentionSuggestion(string UserName, string DisplayName);
