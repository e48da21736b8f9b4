namespace InternalSocial.Newsletter.Services;

internal sealed record EditionAudienceInput(bool Everyone, IReadOnlyList<string>? Departments, IReadOnlyList<string>? Sites, IReadOnlyList<long>? Groups);
