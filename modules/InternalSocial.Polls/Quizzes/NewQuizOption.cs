namespace InternalSocial.Polls.Quizzes;

internal sealed class NewQuizOption
{
    public string? Text { get; set; }

    public bool Correct { get; set; }
}
