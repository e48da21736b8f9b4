namespace InternalSocial.Polls.Quizzes;

/// <summary>An option chosen in an attempt: what the author's share of correct answers per question is counted from.</summary>
internal sealed class QuizChoice
{
    public long AttemptId { get; set; }

    public long QuestionId { get; set; }

    public long OptionId { get; set; }
}
