namespace InternalSocial.Newsletter.Services;

public sealed record AudienceView(bool Everyone, IReadOnlyList<string> Departments, IReadOnlyList<string> Sites, IReadOnlyList<AudienceGroup> Groups);
