namespace InternalSocial.Polls.Surveys;

/// <summary>One department, site or group (<see cref="AudienceKinds"/>) a survey is for; a person in any of them is in the audience.</summary>
internal sealed class SurveyAudience
{
    public long PollId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}
