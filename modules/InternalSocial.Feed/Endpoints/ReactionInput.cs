namespace InternalSocial.Feed.Endpoints;

internal sealed record ReactionInput(string? Type);
