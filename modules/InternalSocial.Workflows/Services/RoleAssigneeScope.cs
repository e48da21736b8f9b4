using System.Security.Claims;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

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
