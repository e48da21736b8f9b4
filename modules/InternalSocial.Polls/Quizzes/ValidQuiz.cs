using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Quizzes;

/// <summary>A quiz input that passed every check, trimmed and with defaults filled in.</summary>
internal sealed record ValidQuiz(
    string Title,
    string Description,
    IReadOnlyList<ValidQuizQuestion> Questions,
    int PassMark,
    int? MaxAttempts,
    bool Leaderboard,
    bool PassingAcknowledges,
    DateTime? ClosesUtc,
    PollContainer? Container);
