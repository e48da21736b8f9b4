using System.Security.Claims;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.GroupsBridge;

/// <summary>
/// A poll in a group follows the group's rules (<see cref="IGroupAccess"/>, asked on every request, so a member who
/// leaves loses it at once). A group that switched its Polls module off hides its polls, as a group one may not read.
/// </summary>
internal sealed class GroupPollAccess(IGroupAccess groups) : IPollContainerAccess
{
    public string ContainerKind => ContainerKinds.Group;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        return await groups.CanReadAsync(user, container.Id, cancellationToken)
            && await groups.IsModuleEnabledAsync(container.Id, GroupPollsTab.Key, cancellationToken);
    }

    /// <summary>Those who may post in the group without approval: a poll has no approval step.</summary>
    public async Task<bool> CanCreateInAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken) =>
        await CanReadAsync(user, container, cancellationToken)
        && await groups.CanPostAsync(user, container.Id, cancellationToken) == GroupPostDecision.Allowed;

    public Task<bool> CanManageAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        return groups.CanModerateAsync(user, container.Id, cancellationToken);
    }

    public Task<IReadOnlyCollection<string>> AudienceAsync(PollContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        return groups.GetMemberIdsAsync(container.Id, cancellationToken);
    }
}
