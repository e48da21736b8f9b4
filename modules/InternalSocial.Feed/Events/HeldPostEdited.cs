namespace InternalSocial.Feed.Events;

/// <summary>
/// The text waiting for a moderator changed without a new submission: a held post, or a held edit of a published post,
/// was edited again. The module that holds it shows its moderators the current text (one task, not a second one).
/// </summary>
internal sealed record HeldPostEdited(long PostId, string Body);
