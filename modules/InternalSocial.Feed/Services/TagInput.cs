namespace InternalSocial.Feed.Services;

internal sealed record TagInput(string? Description, bool? Official, bool? Pinned);
