using InternalSocial.Workflows.Abstractions.Activities;

namespace InternalSocial.Workflows.Services;

/// <summary><c>moderation.contentReported</c>: someone reported content; <c>report.count</c> says how many people have.</summary>
internal sealed class ContentReportedEvent : EventActivity
{
    public override string Type => ReportsService.EventName;

    public override string DisplayName => "Content is reported";

    public override IReadOnlyList<string> Facts =>
        ["content.type", "content.id", "report.count", "report.reason", "subject.type", "subject.id", "subject.groupId", "subject.authorId", "subject.summary"];
}
