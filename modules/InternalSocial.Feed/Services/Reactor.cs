namespace InternalSocial.Feed.Services;

public sealed record Reactor(PersonView Person, string Type);
