namespace InternalSocial.Feed.Endpoints;

public sealed record PinInput(DateTime? Until);
