
namespace InternalSocial.Newsletter.Services;

public sealed record AudienceGroup(long Id, string Name);
