using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// A kind of assignee for tasks (a role, a group's moderators), contributed by the module that knows who belongs to
/// it: which of its values a person holds (for their queue), and who holds a value (to tell them about a task).
/// </summary>
public interface IAssigneeScope
{
    /// <summary>One of <see cref="AssigneeKinds"/>, or a module's own.</summary>
    string Kind { get; }

    Task<IReadOnlyCollection<string>> HeldByAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The ids of the people holding <paramref name="value"/>, at most a few hundred.</summary>
    Task<IReadOnlyCollection<string>> PeopleAsync(string value, CancellationToken cancellationToken);

    /// <summary>Names to show for values (a group's name), for people who hold them.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken);
}

internal sealed class RoleAssigneeScope(IPeopleLookup people) : IAssigneeScope
{
    public const int MaxPeople = 500;

    public string Kind => AssigneeKinds.Role;

    public Task<IReadOnlyCollection<string>> HeldByAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);

    public async Task<IReadOnlyCollection<string>> PeopleAsync(string value, CancellationToken cancellationToken) =>
        await people.GetActiveUserIdsInRoleAsync(value, MaxPeople, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(values.Distinct().ToDictionary(v => v, v => v));
}

internal sealed class UserAssigneeScope(IPeopleLookup people) : IAssigneeScope
{
    public string Kind => AssigneeKinds.User;

    public Task<IReadOnlyCollection<string>> HeldByAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(user.FindUserId() is { } id ? [id] : []);

    public Task<IReadOnlyCollection<string>> PeopleAsync(string value, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([value]);

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
        (await people.GetByIdsAsync(values, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.DisplayName);
}

/// <summary>All the tenant's assignee scopes, by kind.</summary>
public sealed class AssigneeScopes(IEnumerable<IAssigneeScope> scopes)
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

/// <summary>Raised when a task is assigned (created or escalated): the notifications bridge tells the assignees.</summary>
public sealed record WorkflowTaskAssigned(long TaskId, string SubjectType, string SubjectId, string Summary, IReadOnlyList<TaskAssignee> Assignees, bool IsEscalation);

/// <summary>Raised when a moderator decides a task.</summary>
public sealed record WorkflowTaskDecided(long TaskId, string SubjectType, string SubjectId, string Decision, string? Reason, string ActorId);
