namespace InternalSocial.Newsletter.Services;

public sealed record BlockInput(long? PostId, string? Text);
