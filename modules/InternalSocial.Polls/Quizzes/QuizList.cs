namespace InternalSocial.Polls.Quizzes;

/// <summary>The body of <c>GET /api/v1/quizzes</c>: a page; <see cref="NextCursor"/> null on the last.</summary>
internal sealed record QuizList(IReadOnlyList<QuizView> Quizzes, string? NextCursor);
