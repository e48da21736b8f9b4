
namespace InternalSocial.Newsletter.Services;

internal sealed record AudienceGroup(long Id, string Name);
