namespace InternalSocial.Feed.Services;

internal sealed record AudienceInput(IReadOnlyList<string>? Departments, IReadOnlyList<string>? Sites, IReadOnlyList<long>? Groups);
