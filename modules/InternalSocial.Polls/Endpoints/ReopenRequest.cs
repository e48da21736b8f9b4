namespace InternalSocial.Polls.Endpoints;

/// <summary>The new deadline of a reopened poll; none to leave it open until closed by hand.</summary>
internal sealed record ReopenRequest(DateTimeOffset? ClosesAt);
