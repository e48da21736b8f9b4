namespace InternalSocial.Feed.Endpoints;

internal sealed record NewCount(int Count);
