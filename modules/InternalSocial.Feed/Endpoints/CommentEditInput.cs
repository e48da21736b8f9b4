namespace InternalSocial.Feed.Endpoints;

internal sealed record CommentEditInput(string? Body);
