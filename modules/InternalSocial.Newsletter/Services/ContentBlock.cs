namespace InternalSocial.Newsletter.Services;

/// <summary>One block of the content as sent: a post (its author, sanitized HTML, Markdown as plain text, link) or free text.</summary>
internal sealed record ContentBlock(long? PostId, string? Author, string Html, string Text, int? LinkIndex);
