using InternalSocial.Workflows.Abstractions.Activities;

namespace InternalSocial.Polls.WorkflowsBridge;

/// <summary><c>polls.closed</c>: a poll was closed by its author or a moderator (a workflow may then publish or share its results).</summary>
internal sealed class PollClosedEvent : EventActivity
{
    public override string Type => PollClosedFacts.EventName;

    public override string DisplayName => "A poll is closed";

    public override IReadOnlyList<string> Facts => PollClosedFacts.Names;
}
