namespace InternalSocial.Feed.Services;

public sealed record ReactionCount(string Type, int Count);
