namespace InternalSocial.Polls.Quizzes;

/// <summary>A question of a new quiz: its options, which are right, and what is explained after answering.</summary>
internal sealed record QuizQuestionInput(string? Text, IReadOnlyList<QuizOptionInput?>? Options, bool? Multiple = null, string? Explanation = null);
