namespace InternalSocial.Feed.Services;

internal sealed record Reactor(PersonView Person, string Type);
