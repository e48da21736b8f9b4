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

    public async Task<QuizView> ViewAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var (poll, settings) = (standing.Poll, standing.Settings);
        var attempts = await AttemptsAsync(standing, cancellationToken);
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

    /// <summary>The newest quizzes the user may read, wherever they are (standalone, in a post, in a group).</summary>
    public async Task<IReadOnlyList<QuizView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var candidates = await db.Polls.AsNoTracking().Where(p => p.Kind == PollKinds.Quiz).OrderByDescending(p => p.Id).Take(ListSize * 4).ToListAsync(cancellationToken);
        var list = new List<QuizView>();
        foreach (var poll in candidates)
        {
            if (list.Count < ListSize && await polls.CanReadAsync(user, PollAccess.ContainerOf(poll), cancellationToken))
            {
                list.Add(await ViewAsync(await quizzes.ReadAsync(user, poll.Id, cancellationToken), cancellationToken));
            }
        }

        return list;
    }
}
