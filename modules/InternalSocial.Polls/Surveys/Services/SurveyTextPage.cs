namespace InternalSocial.Polls.Surveys;

/// <summary>A page of one free-text question's answers, and the cursor of the next page (null on the last).</summary>
internal sealed record SurveyTextPage(long QuestionId, IReadOnlyList<string> Texts, string? NextCursor)
{
    public const int DefaultTake = 50;

    public const int MaxTake = 100;
}
