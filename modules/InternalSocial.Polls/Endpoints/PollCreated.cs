namespace InternalSocial.Polls.Endpoints;

internal sealed record PollCreated(long Id);
