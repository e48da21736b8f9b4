using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Services;

internal sealed record PostCreated(long Id, PostStatus Status, IReadOnlyList<long> Ids);
