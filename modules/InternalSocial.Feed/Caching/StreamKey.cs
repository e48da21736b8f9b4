namespace InternalSocial.Feed.Caching;

internal readonly record struct StreamKey(StreamKind Kind, string Value);
