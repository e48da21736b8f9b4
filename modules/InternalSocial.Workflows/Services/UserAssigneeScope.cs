using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

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
