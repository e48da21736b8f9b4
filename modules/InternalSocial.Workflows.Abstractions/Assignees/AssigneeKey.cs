using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Abstractions.Assignees;

/// <summary>
/// One way a definition names who a task goes to (<c>{ "role": "Moderator" }</c>), declared by the module that knows
/// those people. Keys are found in every module's assembly, not in the tenant's services, so that a definition naming
/// a key whose feature is off is told which feature to turn on. A key class needs a public parameterless constructor
/// (<c>sealed class RoleKey() : AssigneeKey("role", …)</c>).
/// </summary>
/// <param name="key">The key in the definition's JSON.</param>
/// <param name="scopeKind">The <see cref="IAssigneeScope.Kind"/> of the assignees it becomes; the key works when that scope is registered.</param>
/// <param name="value">What the key's values are.</param>
/// <param name="order">Where the key comes in the editor and in the JSON it writes (the built-in ones use 10, 20, 40).</param>
/// <param name="formName">The name of the editor's input (<c>Activities[0].Roles</c>).</param>
/// <param name="inputId">The end of the input's HTML id (<c>a0-roles</c>).</param>
public abstract class AssigneeKey(string key, string scopeKind, AssigneeValue value, int order, string formName, string inputId)
{
    public string Key { get; } = key;

    public string ScopeKind { get; } = scopeKind;

    public AssigneeValue Value { get; } = value;

    public int Order { get; } = order;

    public string FormName { get; } = formName;

    public string InputId { get; } = inputId;

    /// <summary>An example in messages (<c>{ "role": "Moderator" }</c>); null to leave the key out of them.</summary>
    public virtual string? Example => null;

    /// <summary>The feature that registers the scope, named when it is off.</summary>
    public virtual string? FeatureId => null;

    public abstract LocalizedString Label(IStringLocalizerFactory texts);

    /// <summary>The name of <see cref="FeatureId"/> in the reader's language.</summary>
    public virtual LocalizedString? FeatureName(IStringLocalizerFactory texts) => null;

    /// <summary>
    /// The values of <see cref="ScopeKind"/> the key's entries of one activity stand for. By default a name is the value
    /// and a fact gives it; <see cref="AssigneeValue.True"/> keys must say what they mean.
    /// </summary>
    public virtual Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<JsonNode> values, AssigneeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(target);
        IReadOnlyList<string> resolved = Value switch
        {
            AssigneeValue.Name => [.. values.Select(v => v.GetValue<string>().Trim())],
            AssigneeValue.Fact => [.. values.Select(v => target.Context.Text(v.GetValue<string>())).Where(v => v.Length > 0)],
            _ => throw new NotSupportedException($"Assignee key '{Key}' must resolve its own values."),
        };
        return Task.FromResult(resolved);
    }
}
