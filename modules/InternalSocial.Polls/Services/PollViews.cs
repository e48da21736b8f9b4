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
        return (await ViewsAsync([standing], cancellationToken))[0];
    }

    /// <summary>The polls as their reader sees them, in three queries at most whatever their number (counts, votes, other answers).</summary>
    private async Task<IReadOnlyList<PollView>> ViewsAsync(IReadOnlyList<PollStanding> standings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seeing = standings.Where(s => s.MaySeeResults(now)).Select(s => s.Question.Id).ToList();
        var counts = seeing.Count > 0 ? await results.CountsAsync(seeing, cancellationToken) : [];
        var named = standings.Where(s => s.Voted && !s.Poll.Anonymous).ToList();
        var userId = standings.Count > 0 ? standings[0].UserId : "";
        var namedIds = named.Select(s => s.Poll.Id).ToList();
        var mine = namedIds.Count > 0
            ? (await db.Votes.AsNoTracking().Where(v => namedIds.Contains(v.PollId) && v.UserId == userId).Select(v => new { v.PollId, v.OptionId }).ToListAsync(cancellationToken))
                .ToLookup(v => v.PollId, v => v.OptionId)
            : null;
        var otherIds = named.Where(s => s.Question.AllowOther).Select(s => s.Question.Id).ToList();
        var others = otherIds.Count > 0
            ? await db.OtherAnswers.AsNoTracking().Where(a => otherIds.Contains(a.QuestionId) && a.UserId == userId).ToDictionaryAsync(a => a.QuestionId, a => a.Text, cancellationToken)
            : [];
        return [.. standings.Select(s => View(s, now, seeing.Contains(s.Question.Id) ? counts : null, mine?[s.Poll.Id].ToList() ?? [], others.GetValueOrDefault(s.Question.Id)))];
    }

    private static PollView View(PollStanding standing, DateTime now, Dictionary<long, int>? counts, IReadOnlyList<long> mine, string? myOther)
    {
        var (poll, question) = (standing.Poll, standing.Question);
        var seesResults = counts is not null;
        var named = standing.Voted && !poll.Anonymous;
        var closed = poll.IsClosedAt(now);
        return new PollView(
            poll.Id, poll.Kind, question.Text, poll.Description, poll.AuthorId, PollAccess.ContainerOf(poll),
            question.Kind == QuestionKinds.Multiple, question.MaxChoices, question.AllowOther, poll.Anonymous, poll.ResultsVisibility,
            poll.ClosesUtc, poll.ClosedUtc, closed, poll.CreatedUtc,
            seesResults ? poll.ParticipantCount : null,
            [.. standing.Options.Select(o => new PollOptionView(o.Id, o.Text, counts?.GetValueOrDefault(o.Id)))],
            standing.Voted, named ? mine : [], named && question.AllowOther ? myOther : null,
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

        var rows = await polls.OrderByDescending(p => p.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = await ViewsAsync(await access.StandingsAsync(user, [.. rows.Take(take)], container, cancellationToken), cancellationToken);
        return new PollList(page, rows.Count > take ? rows[take - 1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }
}
