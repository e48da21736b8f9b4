namespace InternalSocial.Polls.Quizzes;

/// <summary>An option that is right; a question counts when the options chosen are exactly its correct ones.</summary>
internal sealed class QuizCorrectOption
{
    public long OptionId { get; set; }

    public long QuestionId { get; set; }

    public long PollId { get; set; }
}
