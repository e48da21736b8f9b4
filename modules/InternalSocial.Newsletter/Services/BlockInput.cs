namespace InternalSocial.Newsletter.Services;

internal sealed record BlockInput(long? PostId, string? Text);
