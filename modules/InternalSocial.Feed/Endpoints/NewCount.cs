namespace InternalSocial.Feed.Endpoints;

public sealed record NewCount(int Count);
