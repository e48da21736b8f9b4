namespace InternalSocial.Feed.Endpoints;

internal sealed record PostCreatedResponse(long Id, string Status, IReadOnlyList<long> Ids);
