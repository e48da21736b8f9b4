namespace InternalSocial.Feed.Caching;

public readonly record struct StreamKey(StreamKind Kind, string Value);
