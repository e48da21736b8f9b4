using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>Who may read a poll and what they may do with it: the container's bridge for posts and groups, permissions for the rest.</summary>
internal sealed class PollAccess(PollsDbContext db, IAuthorizationService authorization, IEnumerable<IPollContainerAccess> containers, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    private bool? _isGuest;

    public IPollContainerAccess? Bridge(string containerKind) => containers.FirstOrDefault(c => c.ContainerKind == containerKind);

    /// <summary>The poll with the user's standing; <see cref="NotFoundException"/> when it does not exist or the user may not read it.</summary>
    public async Task<PollStanding> ReadAsync(ClaimsPrincipal user, long pollId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var poll = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId && p.Kind == PollKinds.Poll, cancellationToken);
        var container = poll is null ? null : ContainerOf(poll);
        if (poll is null || !await CanReadAsync(user, container, cancellationToken))
        {
            throw new NotFoundException(T["No poll with id {0}.", pollId]);
        }

        var question = await db.Questions.AsNoTracking().Where(q => q.PollId == pollId).OrderBy(q => q.Position).FirstAsync(cancellationToken);
        var options = await db.Options.AsNoTracking().Where(o => o.QuestionId == question.Id).OrderBy(o => o.Position).ToListAsync(cancellationToken);
        var userId = user.GetUserId();
        var voted = await db.Participations.AnyAsync(p => p.PollId == pollId && p.UserId == userId, cancellationToken);
        var isManager = await authorization.HasPermissionAsync(user, Permissions.ManagePolls)
            || (container is not null && await Bridge(container.Kind)!.CanManageAsync(user, container, cancellationToken));
        return new PollStanding(poll, question, options, userId, poll.AuthorId == userId, isManager,
            await authorization.HasPermissionAsync(user, Permissions.ViewAllResults), voted);
    }

    /// <summary>
    /// Readable: a standalone poll is the organisation's, for holders of Polls.View (checked before) but not guests,
    /// who reach only the polls of their groups; a contained one as its bridge says.
    /// </summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, PollContainer? container, CancellationToken cancellationToken) =>
        container is null
            ? !await IsGuestAsync(user, cancellationToken)
            : Bridge(container.Kind) is { } bridge && await bridge.CanReadAsync(user, container, cancellationToken);

    /// <summary>Read once per request: a list checks every poll of its page.</summary>
    private async Task<bool> IsGuestAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        _isGuest ??= (await people.GetByIdsAsync([userId], cancellationToken)).GetValueOrDefault(userId)?.IsGuest ?? true;
        return _isGuest.Value;
    }

    public static PollContainer? ContainerOf(Poll poll) =>
        poll.ContainerKind == ContainerKinds.None || poll.ContainerId is not { } id ? null : new PollContainer(poll.ContainerKind, id);

    public NotFoundException ContainerNotFound(PollContainer container) =>
        new(container.Kind == ContainerKinds.Post ? T["No post with id {0}.", container.Id] : T["No group with id {0}.", container.Id]);

    /// <summary>Throws 403 unless the user is the author or manages the poll.</summary>
    public void EnsureMayManage(PollStanding standing)
    {
        if (!standing.MayManage)
        {
            throw new PermissionDeniedException(Permissions.ManagePolls, T["Only the poll's author or a moderator may do this."]);
        }
    }
}
