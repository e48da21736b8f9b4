using InternalSocial.Workflows.Abstractions.Activities;

namespace InternalSocial.Charter.WorkflowsEvents;

/// <summary><c>charter.accepted</c>: a person accepted a version of their charter (a workflow may then welcome them, or open their access elsewhere).</summary>
internal sealed class CharterAcceptedEvent : EventActivity
{
    public override string Type => CharterAcceptedFacts.EventName;

    public override string DisplayName => "A person accepts the charter";

    public override IReadOnlyList<string> Facts => CharterAcceptedFacts.Names;
}
