namespace InternalSocial.Newsletter.Services;

/// <summary>An edition ready to send: its content frozen for a base URL, and who gets it.</summary>
internal sealed record CheckedEdition(EditionContent Content, IReadOnlyList<string> RecipientIds);
