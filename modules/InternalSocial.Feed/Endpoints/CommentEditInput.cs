namespace InternalSocial.Feed.Endpoints;

public sealed record CommentEditInput(string? Body);
