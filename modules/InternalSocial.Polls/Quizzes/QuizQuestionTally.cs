namespace InternalSocial.Polls.Quizzes;

/// <summary>How many attempts got a question right; every attempt answers every question, so the attempts are the rest.</summary>
internal sealed class QuizQuestionTally
{
    public long QuestionId { get; set; }

    public long PollId { get; set; }

    public int Correct { get; set; }
}
