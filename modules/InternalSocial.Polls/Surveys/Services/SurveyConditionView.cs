namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Shown only when question <see cref="QuestionId"/>'s answer includes one of <see cref="OptionIds"/>;
/// <see cref="OptionId"/> is the first, as clients written for one option read it.
/// </summary>
internal sealed record SurveyConditionView(long QuestionId, long OptionId, IReadOnlyList<long> OptionIds);
