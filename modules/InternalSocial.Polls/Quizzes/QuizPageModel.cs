namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// <c>/quizzes/{id}</c>: the quiz, the outcome of the reader's last attempt (shown until they choose to try again), the
/// leaderboard when the quiz has one; after a refused submission, the choices that were sent, so nothing is lost.
/// </summary>
internal sealed record QuizPageModel(
    QuizView Quiz,
    AttemptResult? LastResult,
    string AuthorName,
    bool Retry,
    IReadOnlyList<LeaderboardEntry>? Leaderboard,
    AttemptInput? Refused = null)
{
    /// <summary>The form shows before the first attempt, and again when the reader asked to try again.</summary>
    public bool ShowForm => Quiz.CanAttempt && (LastResult is null || Retry);

    public bool WasChosen(long questionId, long optionId) =>
        Refused?.Answers?.GetValueOrDefault(questionId) is { } picks && picks.Contains(optionId);

    public QuizQuestionView Question(long id) => Quiz.Questions.First(q => q.Id == id);

    public string OptionText(long questionId, long optionId) => Question(questionId).Options.FirstOrDefault(o => o.Id == optionId)?.Text ?? "";
}
