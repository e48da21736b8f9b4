namespace InternalSocial.Polls.Services;

/// <summary>A new poll, as the API and the pages send it; every field is checked by the service.</summary>
internal sealed record PollInput(
    string? Question,
    IReadOnlyList<string>? Options,
    bool? Multiple = null,
    int? MaxChoices = null,
    bool? AllowOther = null,
    bool? Anonymous = null,
    string? ResultsVisibility = null,
    DateTimeOffset? ClosesAt = null,
    long? PostId = null,
    long? GroupId = null,
    string? Description = null);
