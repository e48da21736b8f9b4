namespace InternalSocial.Polls.Quizzes;

/// <summary>A new quiz as the API, the pages and the recipe step send it; every field is checked by <see cref="QuizValidator"/>.</summary>
internal sealed record QuizInput(
    string? Title,
    IReadOnlyList<QuizQuestionInput?>? Questions,
    string? Description = null,
    int? PassMark = null,
    int? MaxAttempts = null,
    bool? Leaderboard = null,
    bool? PassingAcknowledges = null,
    bool? Anonymous = null,
    DateTimeOffset? ClosesAt = null,
    long? PostId = null,
    long? GroupId = null);
