namespace InternalSocial.Charter.Services;

/// <summary>A line of the comparison; a <see cref="CharterDiffKind.Changed"/> line carries its word changes as pieces.</summary>
internal sealed record CharterDiffLine(CharterDiffKind Kind, IReadOnlyList<CharterDiffPiece> Pieces);
