namespace InternalSocial.Feed.Services;

public sealed record AudienceInput(IReadOnlyList<string>? Departments, IReadOnlyList<string>? Sites, IReadOnlyList<long>? Groups);
