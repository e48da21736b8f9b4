namespace InternalSocial.Polls.Quizzes;

/// <summary><c>/quizzes</c>: a page of the newest quizzes the reader may take, with their authors' names by id.</summary>
internal sealed record QuizzesIndexModel(IReadOnlyList<QuizView> Quizzes, IReadOnlyDictionary<string, string> Authors, bool CanCreate, string? NextCursor);
