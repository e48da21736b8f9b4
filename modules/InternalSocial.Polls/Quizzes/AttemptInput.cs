namespace InternalSocial.Polls.Quizzes;

/// <summary>An attempt: the option ids chosen for each question id, and whether to show on the leaderboard.</summary>
internal sealed record AttemptInput(IReadOnlyDictionary<long, IReadOnlyList<long>?>? Answers, bool? ShowOnLeaderboard = null);
