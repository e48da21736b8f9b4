using System.Text.Json.Serialization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>A question of a quiz; <see cref="CorrectOptionIds"/> and <see cref="Explanation"/> are absent until the answers are shown.</summary>
internal sealed record QuizQuestionView(
    long Id,
    string Text,
    bool Multiple,
    IReadOnlyList<QuizOptionView> Options,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<long>? CorrectOptionIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Explanation);
