namespace InternalSocial.Newsletter.Services;

internal sealed record BlockView(long? PostId, string? Text);
