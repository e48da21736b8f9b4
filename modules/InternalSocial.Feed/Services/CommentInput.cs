namespace InternalSocial.Feed.Services;

public sealed record CommentInput(string? Body, long? ParentId = null);
