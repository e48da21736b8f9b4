namespace InternalSocial.Feed.Services;

internal sealed record PostEditInput(string? Body, IReadOnlyList<string>? Tags = null, DateTime? ExpiresAt = null);
