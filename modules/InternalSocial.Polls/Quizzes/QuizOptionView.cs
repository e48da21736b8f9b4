namespace InternalSocial.Polls.Quizzes;

internal sealed record QuizOptionView(long Id, string Text);
