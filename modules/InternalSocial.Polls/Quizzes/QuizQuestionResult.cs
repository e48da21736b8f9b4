namespace InternalSocial.Polls.Quizzes;

internal sealed record QuizQuestionResult(long QuestionId, string Text, int Answered, int Correct, double PercentCorrect);
