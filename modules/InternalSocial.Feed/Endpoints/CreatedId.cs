namespace InternalSocial.Feed.Endpoints;

public sealed record CreatedId(long Id);
