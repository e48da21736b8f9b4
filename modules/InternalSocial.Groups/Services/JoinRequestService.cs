using System.Security.Claims;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Requests to join a private group, which its admins approve or reject (a request is made by <see cref="MembershipService.JoinAsync"/>).</summary>
internal sealed class JoinRequestService(
    GroupsDbContext db,
    GroupsService groups,
    GroupRoster roster,
    PeopleDirectory people,
    IEventBus events,
    IStringLocalizer<ModuleResources> T)
{
    public async Task<IReadOnlyList<JoinRequestItem>> ListRequestsAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        var requests = await db.JoinRequests.AsNoTracking().Where(r => r.GroupId == standing.Group.Id).OrderBy(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var persons = await people.GetByIdsAsync(requests.Select(r => r.UserId).ToList(), cancellationToken);
        return [.. requests.Where(r => persons.ContainsKey(r.UserId)).Select(r => new JoinRequestItem(persons[r.UserId], r.CreatedUtc))];
    }

    public async Task<bool> HasRequestedAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user);
        return userId is not null && await db.JoinRequests.AsNoTracking().AnyAsync(r => r.GroupId == groupId && r.UserId == userId, cancellationToken);
    }

    /// <summary>Pending requests of a group, for its admins' tab badge; callers have checked the group admin right.</summary>
    public Task<int> CountRequestsAsync(long groupId, CancellationToken cancellationToken) =>
        db.JoinRequests.AsNoTracking().CountAsync(r => r.GroupId == groupId, cancellationToken);

    /// <summary>Approves (adds the person) or rejects a pending request.</summary>
    public async Task DecideRequestAsync(ClaimsPrincipal user, string key, string requesterId, bool approve, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        var request = await db.JoinRequests.FirstOrDefaultAsync(r => r.GroupId == standing.Group.Id && r.UserId == requesterId, cancellationToken)
            ?? throw new NotFoundException(T["No pending request from '{0}'.", requesterId]);
        db.JoinRequests.Remove(request);
        await db.SaveChangesAsync(cancellationToken);
        if (approve)
        {
            roster.EnsureNotArchived(standing.Group);
            await roster.AddAsync(standing.Group.Id, [requesterId], GroupRole.Member, cancellationToken);
            await events.PublishAsync(new MemberJoined(standing.Group.Id, requesterId), cancellationToken);
        }
    }
}
