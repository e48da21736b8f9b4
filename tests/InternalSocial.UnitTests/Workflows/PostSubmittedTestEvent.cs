using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Services;

namespace InternalSocial.UnitTests.Workflows;

/// <summary>A start event bringing two facts, as a module's event would.</summary>
public sealed class PostSubmittedTestEvent : EventActivity
{
    public override string Type => "test.postSubmitted";

    public override string DisplayName => "Post submitted";

    public override IReadOnlyList<string> Facts => ["author.isGuest", "post.text"];
}
