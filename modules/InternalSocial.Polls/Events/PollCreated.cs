namespace InternalSocial.Polls.Events;

/// <summary>A poll was created through the service (not by a recipe), raised after it is saved.</summary>
internal sealed record PollCreated(long PollId, string Title, string AuthorId, Services.PollContainer? Container);
