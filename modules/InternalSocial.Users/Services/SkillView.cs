namespace InternalSocial.Users.Services;

public sealed record SkillView(string Name, int Endorsements, bool EndorsedByMe);
