namespace InternalSocial.Polls.Services;

/// <summary>A post or a group holding a poll: <see cref="Models.ContainerKinds"/> and the id in its module.</summary>
internal sealed record PollContainer(string Kind, long Id);
