namespace InternalSocial.Polls.Quizzes;

internal sealed record ValidQuizQuestion(string Text, bool Multiple, string Explanation, IReadOnlyList<string> Options, IReadOnlySet<int> Correct);
