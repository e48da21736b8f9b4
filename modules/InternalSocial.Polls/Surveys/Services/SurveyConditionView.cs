namespace InternalSocial.Polls.Surveys;

/// <summary>Shown only when question <see cref="QuestionId"/>'s answer includes option <see cref="OptionId"/>.</summary>
internal sealed record SurveyConditionView(long QuestionId, long OptionId);
