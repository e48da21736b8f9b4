namespace InternalSocial.Newsletter.Services;

internal sealed record MailPreview(string Subject, string Html, string Text, string Culture);
