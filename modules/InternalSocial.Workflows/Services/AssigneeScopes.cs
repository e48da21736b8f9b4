using System.Security.Claims;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>All the tenant's assignee scopes, by kind.</summary>
internal sealed class AssigneeScopes(IEnumerable<IAssigneeScope> scopes)
{
    private readonly Dictionary<string, IAssigneeScope> _byKind = scopes.ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public IAssigneeScope? Find(string kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>Every (kind, value) the person holds: their id, roles, groups they moderate…</summary>
    public async Task<IReadOnlyList<(string Kind, string Value)>> HeldByAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var held = new List<(string, string)>();
        foreach (var scope in _byKind.Values)
        {
            held.AddRange((await scope.HeldByAsync(user, cancellationToken)).Select(v => (scope.Kind, v)));
        }

        return held;
    }

    /// <summary>The people a task's assignees stand for, each once.</summary>
    public async Task<IReadOnlyCollection<string>> PeopleAsync(IEnumerable<TaskAssignee> assignees, CancellationToken cancellationToken)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignee in assignees)
        {
            if (Find(assignee.Kind) is { } scope)
            {
                people.UnionWith(await scope.PeopleAsync(assignee.Value, cancellationToken));
            }
        }

        return people;
    }
}
