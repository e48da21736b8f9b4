using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Quizzes;

/// <summary>Quizzes as one reader sees them: the quiz, their attempts and the outcome of their last one, the list.</summary>
internal sealed class QuizReader(PollsDbContext db, PollAccess polls, QuizAccess quizzes, IAuthorizationService authorization, TimeProvider clock)
{
    public const int ListSize = 50;

    /// <summary>The key standalone quizzes share in the read checks' memo (no container has id 0).</summary>
    private static readonly PollContainer Standalone = new(ContainerKinds.None, 0);

    public async Task<QuizView> ViewAsync(QuizStanding standing, CancellationToken cancellationToken) =>
        View(standing, await AttemptsAsync(standing, cancellationToken));

    private QuizView View(QuizStanding standing, IReadOnlyList<AttemptSummary> attempts)
    {
        var (poll, settings) = (standing.Poll, standing.Settings);
        var shown = attempts.Count > 0 || standing.MayManage;
        var closed = poll.IsClosedAt(clock.GetUtcNow().UtcDateTime);
        int? left = settings.MaxAttempts is { } max ? Math.Max(0, max - attempts.Count) : null;
        var best = attempts.OrderByDescending(a => a.Score).ThenBy(a => a.Number).FirstOrDefault();
        var container = PollAccess.ContainerOf(poll);
        return new QuizView(
            poll.Id, poll.Title, poll.Description, poll.AuthorId,
            container?.Kind == ContainerKinds.Post ? container.Id : null,
            container?.Kind == ContainerKinds.Group ? container.Id : null,
            settings.PassMark, settings.MaxAttempts, settings.Leaderboard, settings.PassingAcknowledges,
            poll.ClosesUtc, poll.ClosedUtc, closed, poll.CreatedUtc,
            [.. standing.Questions.Select(q => new QuizQuestionView(
                q.Id, q.Text, q.Kind == QuestionKinds.Multiple,
                [.. standing.Options[q.Id].Select(o => new QuizOptionView(o.Id, o.Text))],
                shown ? [.. standing.Correct[q.Id]] : null,
                shown ? standing.Explanations.GetValueOrDefault(q.Id, "") : null))],
            shown, attempts.Count, left, best,
            CanAttempt: !closed && left != 0,
            CanManage: standing.MayManage,
            CanSeeResults: standing.MaySeeResults);
    }

    /// <summary>The reader's attempts, first to last.</summary>
    public async Task<IReadOnlyList<AttemptSummary>> AttemptsAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == standing.Poll.Id && a.UserId == standing.UserId)
            .OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return [.. attempts.Select(AttemptSummary.From)];
    }

    /// <summary>The reader's last attempt with its questions right and wrong, or null before the first.</summary>
    public async Task<AttemptResult?> LastResultAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var attempt = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == standing.Poll.Id && a.UserId == standing.UserId)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        var choices = await db.QuizChoices.AsNoTracking().Where(c => c.AttemptId == attempt.Id).ToListAsync(cancellationToken);
        var chosen = choices.GroupBy(c => c.QuestionId).ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(c => c.OptionId).ToHashSet());
        return Result(standing, attempt, QuizScorer.Score(standing, chosen), acknowledged: false);
    }

    public static AttemptResult Result(QuizStanding standing, QuizAttempt attempt, IReadOnlyList<QuestionOutcome> outcomes, bool acknowledged)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(attempt);
        int? left = standing.Settings.MaxAttempts is { } max ? Math.Max(0, max - attempt.Number) : null;
        return new AttemptResult(attempt.Number, attempt.Score, attempt.MaxScore, QuizScorer.Percent(attempt.Score, attempt.MaxScore), attempt.Passed,
            attempt.SubmittedUtc, attempt.OnLeaderboard, left, acknowledged, outcomes);
    }

    /// <summary>
    /// A page of the newest quizzes the user may read, wherever they are (standalone, in a post, in a group), among the
    /// next <paramref name="take"/> × 4 older than the cursor: a fixed number of queries, plus one read check per
    /// container met. A page of someone who may read few quizzes can hold fewer, with a cursor to the next.
    /// </summary>
    public async Task<QuizList> ListAsync(ClaimsPrincipal user, long? before, int take, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var quizRows = db.Polls.AsNoTracking().Where(p => p.Kind == PollKinds.Quiz);
        if (before is { } cursor)
        {
            quizRows = quizRows.Where(p => p.Id < cursor);
        }

        var candidates = await quizRows.OrderByDescending(p => p.Id).Take(take * 4).ToListAsync(cancellationToken);
        var readable = new Dictionary<PollContainer, bool>();
        var shown = new List<Poll>();
        var examined = 0;
        foreach (var poll in candidates.TakeWhile(_ => shown.Count < take))
        {
            examined++;
            var container = PollAccess.ContainerOf(poll);
            var key = container ?? Standalone;
            if (!readable.TryGetValue(key, out var mayRead))
            {
                readable[key] = mayRead = await polls.CanReadAsync(user, container, cancellationToken);
            }

            if (mayRead)
            {
                shown.Add(poll);
            }
        }

        var more = examined < candidates.Count || candidates.Count == take * 4;
        var next = more && examined > 0 ? candidates[examined - 1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new QuizList(await ViewsAsync(user, shown, cancellationToken), next);
    }

    /// <summary>
    /// The quizzes of some posts or groups (a page of cards, a group's tab), newest first, those of the containers the user
    /// may read: a fixed number of queries whatever their number, plus one read check per container.
    /// </summary>
    public async Task<IReadOnlyList<QuizView>> InContainersAsync(ClaimsPrincipal user, string containerKind, IReadOnlyCollection<long> containerIds, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var ids = containerIds.ToList();
        var candidates = await db.Polls.AsNoTracking()
            .Where(p => p.Kind == PollKinds.Quiz && p.ContainerKind == containerKind && p.ContainerId != null && ids.Contains(p.ContainerId.Value))
            .OrderByDescending(p => p.Id).Take(ListSize).ToListAsync(cancellationToken);
        var shown = new List<Poll>();
        foreach (var group in candidates.GroupBy(p => p.ContainerId!.Value))
        {
            if (await polls.CanReadAsync(user, new PollContainer(containerKind, group.Key), cancellationToken))
            {
                shown.AddRange(group);
            }
        }

        return await ViewsAsync(user, [.. shown.OrderByDescending(p => p.Id)], cancellationToken);
    }

    private async Task<IReadOnlyList<QuizView>> ViewsAsync(ClaimsPrincipal user, IReadOnlyList<Poll> shown, CancellationToken cancellationToken)
    {
        if (shown.Count == 0)
        {
            return [];
        }

        var standings = await quizzes.StandingsAsync(user, shown, cancellationToken);
        var ids = shown.Select(p => p.Id).ToList();
        var userId = user.GetUserId();
        var attempts = (await db.QuizAttempts.AsNoTracking().Where(a => ids.Contains(a.PollId) && a.UserId == userId).OrderBy(a => a.Number).ToListAsync(cancellationToken))
            .ToLookup(a => a.PollId, AttemptSummary.From);
        return [.. standings.Select(s => View(s, [.. attempts[s.Poll.Id]]))];
    }
}
