namespace InternalSocial.Feed.Events;

public sealed record ReactionAdded(long PostId, long? CommentId, string UserId, string Type);
