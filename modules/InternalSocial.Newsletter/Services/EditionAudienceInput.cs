namespace InternalSocial.Newsletter.Services;

public sealed record EditionAudienceInput(bool Everyone, IReadOnlyList<string>? Departments, IReadOnlyList<string>? Sites, IReadOnlyList<long>? Groups);
