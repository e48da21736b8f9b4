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
    private PersonSummary? _person;
    private bool _personRead;

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

        return (await StandingsAsync(user, [poll], container, cancellationToken))[0];
    }

    /// <summary>
    /// The poll as a vote needs it, under the same reading rule as <see cref="ReadAsync"/> but without what only a
    /// reader of results needs (whether they voted, manage it, see all results): the hot path of a poll that everyone
    /// answers at once reads one row set for the poll, its question and options, and the voter's summary (cached).
    /// </summary>
    public async Task<PollBallot> BallotAsync(ClaimsPrincipal user, long pollId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var rows = new List<BallotRow>();
        await foreach (var row in BallotQuery.Run(db, pollId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        // A poll has one question; should it ever have more, a vote is for the first, as the poll's page shows it.
        var first = rows.Count == 0 ? null : rows.MinBy(r => r.Position);
        var container = first is null || first.ContainerKind == ContainerKinds.None || first.ContainerId is not { } id ? null : new PollContainer(first.ContainerKind, id);
        if (first is null || !await CanReadAsync(user, container, cancellationToken))
        {
            throw new NotFoundException(T["No poll with id {0}.", pollId]);
        }

        var person = await PersonAsync(user, cancellationToken);
        var optionIds = rows.Where(r => r.QuestionId == first.QuestionId && r.OptionId is not null).Select(r => r.OptionId!.Value).ToList();
        return new PollBallot(
            pollId, first.Anonymous, first.ClosesUtc, first.ClosedUtc, first.QuestionId, first.QuestionKind, first.MaxChoices, first.AllowOther,
            optionIds, user.GetUserId(), person?.Department, person?.Site);
    }

    /// <summary>
    /// The user's standing in each of <paramref name="polls"/>, all of <paramref name="container"/>, which the caller
    /// found readable: a fixed number of queries whatever the number of polls (a page of a list).
    /// </summary>
    public async Task<IReadOnlyList<PollStanding>> StandingsAsync(ClaimsPrincipal user, IReadOnlyList<Poll> polls, PollContainer? container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(polls);
        var ids = polls.Select(p => p.Id).ToList();
        var questions = (await db.Questions.AsNoTracking().Where(q => ids.Contains(q.PollId)).ToListAsync(cancellationToken))
            .GroupBy(q => q.PollId).ToDictionary(g => g.Key, g => g.MinBy(q => q.Position)!);
        var questionIds = questions.Values.Select(q => q.Id).ToList();
        var options = (await db.Options.AsNoTracking().Where(o => questionIds.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync(cancellationToken))
            .ToLookup(o => o.QuestionId);
        var userId = user.GetUserId();
        var voted = (await db.Participations.AsNoTracking().Where(p => ids.Contains(p.PollId) && p.UserId == userId).Select(p => p.PollId).ToListAsync(cancellationToken)).ToHashSet();
        var isManager = await authorization.HasPermissionAsync(user, Permissions.ManagePolls)
            || (container is not null && await Bridge(container.Kind)!.CanManageAsync(user, container, cancellationToken));
        var viewsAllResults = await authorization.HasPermissionAsync(user, Permissions.ViewAllResults);
        return [.. polls.Select(p => new PollStanding(p, questions[p.Id], [.. options[questions[p.Id].Id]], userId, p.AuthorId == userId, isManager, viewsAllResults, voted.Contains(p.Id)))];
    }

    /// <summary>
    /// Readable: a standalone poll is the organisation's, for holders of Polls.View (checked before) but not guests,
    /// who reach only the polls of their groups; a contained one as its bridge says.
    /// </summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, PollContainer? container, CancellationToken cancellationToken) =>
        container is null
            ? !await IsGuestAsync(user, cancellationToken)
            : Bridge(container.Kind) is { } bridge && await bridge.CanReadAsync(user, container, cancellationToken);

    private async Task<bool> IsGuestAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await PersonAsync(user, cancellationToken))?.IsGuest ?? true;

    /// <summary>Read once per request: a list checks every poll of its page, a vote reads the voter's department too.</summary>
    private async Task<PersonSummary?> PersonAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!_personRead)
        {
            var userId = user.GetUserId();
            _person = (await people.GetByIdsAsync([userId], cancellationToken)).GetValueOrDefault(userId);
            _personRead = true;
        }

        return _person;
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
