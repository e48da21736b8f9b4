namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>
/// The answering page (<c>/surveys/{id}</c>): the survey, the page being answered, the answers so far, and the
/// service's refusals by question id. Once answered, the thank-you with <see cref="Results"/> when the reader may see them.
/// </summary>
internal sealed record SurveyAnswerModel(
    SurveyView Survey,
    int Page,
    SurveyFormAnswers Answers,
    IReadOnlyDictionary<long, string> Errors,
    IReadOnlyList<string> OtherErrors,
    SurveyResults? Results)
{
    public static SurveyAnswerModel Start(SurveyView survey, int page, SurveyResults? results) =>
        new(survey, Clamp(survey, page), SurveyFormAnswers.Empty, new Dictionary<long, string>(), [], results);

    public static int Clamp(SurveyView survey, int page) => Math.Clamp(page, 1, Math.Max(1, survey?.PageCount ?? 1));

    /// <summary>The questions asked on this page, in order.</summary>
    public IEnumerable<SurveyQuestionView> Questions =>
        Survey.Questions.Where(q => q.Page == Page && Answers.IsAsked(Survey, q, Page)).OrderBy(q => q.Position);

    public bool IsLastPage => Page >= Survey.PageCount;
}
