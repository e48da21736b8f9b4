namespace InternalSocial.Polls.Quizzes;

/// <summary><c>/quizzes/{id}/results</c>: the author's view of the attempts and of each question's share of right answers.</summary>
internal sealed record QuizResultsPageModel(QuizView Quiz, QuizResults Results);
