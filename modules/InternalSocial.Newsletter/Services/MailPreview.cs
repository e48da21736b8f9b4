namespace InternalSocial.Newsletter.Services;

public sealed record MailPreview(string Subject, string Html, string Text, string Culture);
