namespace InternalSocial.Polls.Endpoints;

internal sealed record PollPageResponse(IReadOnlyList<PollResponse> Polls, string? NextCursor);
