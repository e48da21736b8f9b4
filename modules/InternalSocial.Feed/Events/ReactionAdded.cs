namespace InternalSocial.Feed.Events;

internal sealed record ReactionAdded(long PostId, long? CommentId, string UserId, string Type);
