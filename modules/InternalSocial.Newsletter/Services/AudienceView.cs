namespace InternalSocial.Newsletter.Services;

internal sealed record AudienceView(bool Everyone, IReadOnlyList<string> Departments, IReadOnlyList<string> Sites, IReadOnlyList<AudienceGroup> Groups);
