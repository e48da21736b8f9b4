namespace InternalSocial.Feed.Events;

public sealed record CommentAdded(long PostId, long CommentId, string AuthorId, string PostAuthorId);
