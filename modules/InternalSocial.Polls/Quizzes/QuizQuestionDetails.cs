namespace InternalSocial.Polls.Quizzes;

/// <summary>The explanation of a quiz question, shown once the person has submitted an attempt.</summary>
internal sealed class QuizQuestionDetails
{
    public long QuestionId { get; set; }

    public long PollId { get; set; }

    public string Explanation { get; set; } = "";
}
