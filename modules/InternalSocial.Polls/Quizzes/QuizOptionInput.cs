namespace InternalSocial.Polls.Quizzes;

internal sealed record QuizOptionInput(string? Text, bool? Correct = null);
