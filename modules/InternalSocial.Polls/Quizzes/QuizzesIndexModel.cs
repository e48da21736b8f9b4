namespace InternalSocial.Polls.Quizzes;

/// <summary><c>/quizzes</c>: the newest quizzes the reader may take, with their authors' names by id.</summary>
internal sealed record QuizzesIndexModel(IReadOnlyList<QuizView> Quizzes, IReadOnlyDictionary<string, string> Authors, bool CanCreate);
