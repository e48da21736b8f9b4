namespace InternalSocial.Feed.Abstractions;

/// <summary>
/// A post a reader may open, as another module checks it before showing what is attached to it (a poll): its author,
/// and whether it is published (false while it waits for approval, once refused or deleted).
/// </summary>
public sealed record ReadablePost(long Id, string AuthorId, bool IsPublished);
