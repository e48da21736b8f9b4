using System.Security.Claims;

namespace InternalSocial.Workflows.Abstractions.Assignees;

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
