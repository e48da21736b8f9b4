namespace InternalSocial.Feed.Endpoints;

public sealed record PostCreatedResponse(long Id, string Status, IReadOnlyList<long> Ids);
