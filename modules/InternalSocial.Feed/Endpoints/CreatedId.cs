namespace InternalSocial.Feed.Endpoints;

internal sealed record CreatedId(long Id);
