using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Services;

public sealed record PostCreated(long Id, PostStatus Status, IReadOnlyList<long> Ids);
