namespace InternalSocial.Polls.Quizzes;

/// <summary>One question of an attempt: right or wrong, what was chosen, what was right, and why.</summary>
internal sealed record QuestionOutcome(long QuestionId, bool Correct, IReadOnlyList<long> ChosenOptionIds, IReadOnlyList<long> CorrectOptionIds, string Explanation);
