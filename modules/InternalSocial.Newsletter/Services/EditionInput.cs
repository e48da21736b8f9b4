namespace InternalSocial.Newsletter.Services;

internal sealed record EditionInput(string? Title, string? Intro, IReadOnlyList<BlockInput>? Blocks, EditionAudienceInput? Audience);
