namespace InternalSocial.Feed.Events;

/// <summary>Someone was @mentioned in a post (CommentId null) or a comment; the notifications module tells them.</summary>
internal sealed record PersonMentioned(string UserId, long PostId, long? CommentId, string ByUserId);
