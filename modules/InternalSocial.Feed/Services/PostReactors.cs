namespace InternalSocial.Feed.Services;

public sealed record PostReactors(IReadOnlyList<Reactor> Post, IReadOnlyDictionary<long, IReadOnlyList<Reactor>> Comments);
