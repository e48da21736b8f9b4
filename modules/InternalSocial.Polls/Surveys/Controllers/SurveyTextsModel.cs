namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary><c>/surveys/{id}/questions/{questionId}/texts</c>: one free-text question's answers, a page at a time.</summary>
internal sealed record SurveyTextsModel(SurveyView Survey, string QuestionText, SurveyTextPage Page)
{
    /// <summary>How many free texts the results pages show per question before "all answers".</summary>
    public const int Preview = 5;
}
