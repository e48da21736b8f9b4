namespace InternalSocial.Polls.Services;

/// <summary>A poll input that passed every check, trimmed and with defaults filled in.</summary>
internal sealed record ValidPoll(
    string Question,
    string Description,
    IReadOnlyList<string> Options,
    bool Multiple,
    int? MaxChoices,
    bool AllowOther,
    bool Anonymous,
    string ResultsVisibility,
    DateTime? ClosesUtc,
    PollContainer? Container);
