namespace InternalSocial.Feed.Events;

internal sealed record CommentAdded(long PostId, long CommentId, string AuthorId, string PostAuthorId);
