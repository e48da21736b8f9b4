namespace InternalSocial.Users.Services;

internal sealed record SkillView(string Name, int Endorsements, bool EndorsedByMe);
