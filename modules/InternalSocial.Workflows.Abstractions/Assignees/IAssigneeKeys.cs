using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Abstractions.Assignees;

/// <summary>
/// The assignee keys an activity may name (<c>role</c>, <c>user</c>, <c>groupModerators</c>…), as an activity's
/// validation sees them: whether the feature behind a key is on, and its names in the reader's language.
/// </summary>
public interface IAssigneeKeys
{
    IReadOnlyList<AssigneeKey> All { get; }

    AssigneeKey? Find(string key);

    /// <summary>False when the feature that resolves the key's people is off: nobody would see the task.</summary>
    bool Works(AssigneeKey key);

    LocalizedString Label(AssigneeKey key);

    string FeatureName(AssigneeKey key);
}
