namespace InternalSocial.Feed.Services;

public sealed record PostEditInput(string? Body, IReadOnlyList<string>? Tags = null, DateTime? ExpiresAt = null);
