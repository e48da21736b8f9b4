namespace InternalSocial.Charter.Services;

/// <summary>A run of text inside a line: kept, inserted or deleted. Plain text: the page encodes it.</summary>
internal sealed record CharterDiffPiece(CharterDiffKind Kind, string Text);
