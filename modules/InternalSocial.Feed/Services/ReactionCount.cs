namespace InternalSocial.Feed.Services;

internal sealed record ReactionCount(string Type, int Count);
