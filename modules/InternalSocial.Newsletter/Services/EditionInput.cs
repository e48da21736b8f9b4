namespace InternalSocial.Newsletter.Services;

public sealed record EditionInput(string? Title, string? Intro, IReadOnlyList<BlockInput>? Blocks, EditionAudienceInput? Audience);
