namespace InternalSocial.Feed.Caching;

/// <summary>A post's place in a stream: enough to merge streams, nothing a reader sees.</summary>
internal readonly record struct StreamPost(long Id, DateTime PublishedUtc);
