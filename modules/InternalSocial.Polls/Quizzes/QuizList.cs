namespace InternalSocial.Polls.Quizzes;

/// <summary>The body of <c>GET /api/v1/quizzes</c>.</summary>
internal sealed record QuizList(IReadOnlyList<QuizView> Quizzes);
