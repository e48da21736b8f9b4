using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Assignees;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.WorkflowsBridge;

/// <summary><c>{ "groupModerators": true }</c>: the moderators of the subject's group (nobody when it is in none).</summary>
internal sealed class GroupModeratorsAssigneeKey() : AssigneeKey("groupModerators", AssigneeKinds.Group, AssigneeValue.True, 30, "GroupModerators", "groupmods")
{
    public override string Example => """{ "groupModerators": true }""";

    public override string FeatureId => "InternalSocial.Groups.Workflows";

    public override LocalizedString Label(IStringLocalizerFactory texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var T = texts.Create(typeof(ModuleResources));
        return T["The group's moderators"];
    }

    public override LocalizedString? FeatureName(IStringLocalizerFactory texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var T = texts.Create(typeof(ModuleResources));
        return T["Group moderators in workflows"];
    }

    public override Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<JsonNode> values, AssigneeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        IReadOnlyList<string> groups = target.GroupId is { } groupId ? [groupId.ToString(CultureInfo.InvariantCulture)] : [];
        return Task.FromResult(groups);
    }
}
