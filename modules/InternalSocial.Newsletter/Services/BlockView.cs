namespace InternalSocial.Newsletter.Services;

public sealed record BlockView(long? PostId, string? Text);
