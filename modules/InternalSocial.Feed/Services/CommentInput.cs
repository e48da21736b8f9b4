namespace InternalSocial.Feed.Services;

internal sealed record CommentInput(string? Body, long? ParentId = null);
