namespace InternalSocial.Newsletter.Services;

/// <summary>One mail as a recipient gets it.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text, string? UnsubscribeUrl);
