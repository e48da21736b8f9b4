namespace InternalSocial.Newsletter.Services;

/// <summary>One mail as a recipient gets it.</summary>
internal sealed record RenderedMail(string Subject, string Html, string Text, string? UnsubscribeUrl);
