namespace InternalSocial.Feed.Services;

internal sealed record PostReactors(IReadOnlyList<Reactor> Post, IReadOnlyDictionary<long, IReadOnlyList<Reactor>> Comments);
