namespace InternalSocial.Polls.Surveys;

/// <summary>What a <see cref="SurveyAudience"/> row names: a department or site of the people directory, or a group id.</summary>
internal static class AudienceKinds
{
    public const string Department = "department";
    public const string Site = "site";
    public const string Group = "group";
}
