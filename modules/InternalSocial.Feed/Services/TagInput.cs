namespace InternalSocial.Feed.Services;

public sealed record TagInput(string? Description, bool? Official, bool? Pinned);
