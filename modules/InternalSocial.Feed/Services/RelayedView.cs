namespace InternalSocial.Feed.Services;

/// <summary>The post a relay shares; null in <see cref="PostCard.Relayed"/> when the reader may not see the original.</summary>
internal sealed record RelayedView(long Id, PersonView Author, string Html, DateTime PublishedUtc);
