using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>Polls as one reader sees them, alone or a page at a time.</summary>
internal sealed class PollViews(PollsDbContext db, PollAccess access, PollResultsReader results, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    public async Task<PollView> ViewAsync(PollStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var (poll, question) = (standing.Poll, standing.Question);
        var now = clock.GetUtcNow().UtcDateTime;
        var seesResults = standing.MaySeeResults(now);
        var counts = seesResults ? await results.CountsAsync(question.Id, cancellationToken) : null;
        var named = standing.Voted && !poll.Anonymous;
        IReadOnlyList<long> mine = named
            ? await db.Votes.AsNoTracking().Where(v => v.PollId == poll.Id && v.UserId == standing.UserId).Select(v => v.OptionId).ToListAsync(cancellationToken)
            : [];
        var myOther = named && question.AllowOther
            ? await db.OtherAnswers.AsNoTracking().Where(a => a.QuestionId == question.Id && a.UserId == standing.UserId).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken)
            : null;
        var closed = poll.IsClosedAt(now);
        return new PollView(
            poll.Id, poll.Kind, question.Text, poll.Description, poll.AuthorId, PollAccess.ContainerOf(poll),
            question.Kind == QuestionKinds.Multiple, question.MaxChoices, question.AllowOther, poll.Anonymous, poll.ResultsVisibility,
            poll.ClosesUtc, poll.ClosedUtc, closed, poll.CreatedUtc,
            seesResults ? poll.ParticipantCount : null,
            [.. standing.Options.Select(o => new PollOptionView(o.Id, o.Text, counts?.GetValueOrDefault(o.Id)))],
            standing.Voted, mine, myOther,
            CanVote: !closed && !(standing.Voted && poll.Anonymous),
            CanChangeVote: !closed && named,
            CanClose: standing.MayManage,
            CanDelete: standing.MayManage,
            CanSeeResults: seesResults);
    }

    /// <summary>
    /// Newest first, from the previous page's cursor. The standalone polls, or those of one post or group the user may
    /// read (404 for one they may not).
    /// </summary>
    public async Task<PollList> ListAsync(ClaimsPrincipal user, PollListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var container = query.PostId is { } postId ? new PollContainer(ContainerKinds.Post, postId)
            : query.GroupId is { } groupId ? new PollContainer(ContainerKinds.Group, groupId) : null;
        if (!await access.CanReadAsync(user, container, cancellationToken))
        {
            // A guest has no standalone polls to see; a post or group hidden from the user is not found.
            return container is null ? new PollList([], null) : throw access.ContainerNotFound(container);
        }

        long? before = null;
        if (query.Cursor is not null)
        {
            before = long.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new InvalidInputException("cursor", T["Use the nextCursor of the previous page."]);
        }

        var take = Math.Clamp(query.Take ?? DefaultPageSize, 1, MaxPageSize);
        var now = clock.GetUtcNow().UtcDateTime;
        var kind = container?.Kind ?? ContainerKinds.None;
        var containerId = container?.Id;
        var polls = db.Polls.AsNoTracking()
            .Where(p => p.Kind == PollKinds.Poll && p.ContainerKind == kind && p.ContainerId == containerId && (before == null || p.Id < before));
        if (query.Open is { } open)
        {
            polls = open
                ? polls.Where(p => p.ClosedUtc == null && (p.ClosesUtc == null || p.ClosesUtc > now))
                : polls.Where(p => p.ClosedUtc != null || p.ClosesUtc <= now);
        }

        var ids = await polls.OrderByDescending(p => p.Id).Select(p => p.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = new List<PollView>();
        foreach (var id in ids.Take(take))
        {
            page.Add(await ViewAsync(await access.ReadAsync(user, id, cancellationToken), cancellationToken));
        }

        return new PollList(page, ids.Count > take ? ids[take - 1].ToString(CultureInfo.InvariantCulture) : null);
    }
}
