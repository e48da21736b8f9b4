using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Editor;

/// <summary>What the editor draws and reads a step with: the fields its type describes and the tenant's assignee keys.</summary>
internal sealed class EditorDescriptions(ActivityRegistry registry, AssigneeKeys keys)
{
    public IReadOnlyList<AssigneeKey> Keys => keys.All;

    public IReadOnlyList<ActivityField> FieldsOf(string? type) =>
        type is not null && registry.Find(type) is { } activity ? activity.Fields : [];

    public LocalizedString Label(AssigneeKey key) => keys.Label(key);
}
