namespace InternalSocial.Feed.Endpoints;

internal sealed record PinInput(DateTime? Until);
