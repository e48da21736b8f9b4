namespace InternalSocial.Feed.Endpoints;

public sealed record ReactionInput(string? Type);
