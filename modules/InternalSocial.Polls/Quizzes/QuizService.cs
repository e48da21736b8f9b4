using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// Quizzes for the pages and the API: every permission and container check is made here, with the polls' rules
/// (<see cref="PollAccess"/>). Acknowledging an announcement goes through Feed's contract, when Feed is on.
/// </summary>
internal sealed class QuizService(
    PollsDbContext db,
    PollAccess polls,
    QuizAccess access,
    QuizValidator validator,
    QuizCreator creator,
    AttemptWriter attempts,
    QuizReader reader,
    QuizResultsReader results,
    IAuthorizationService authorization,
    IEnumerable<IAnnouncementAcknowledgements> acknowledgements,
    IEnumerable<IQuizGroups> quizGroups,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public async Task<long> CreateAsync(ClaimsPrincipal user, QuizInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.CreatePolls);
        var valid = validator.ValidateOrThrow(input);
        if (valid.Container is { } container)
        {
            var field = container.Kind == ContainerKinds.Post ? "postId" : "groupId";
            var bridge = polls.Bridge(container.Kind) ?? throw new InvalidInputException(field, T["Quizzes cannot be placed there: that feature is off."]);
            if (!await bridge.CanReadAsync(user, container, ct))
            {
                throw polls.ContainerNotFound(container);
            }

            if (!await bridge.CanCreateInAsync(user, container, ct))
            {
                throw new PermissionDeniedException(Permissions.CreatePolls, T["You may not add a quiz there."]);
            }

            if (valid.PassingAcknowledges && !await AsksAcknowledgementAsync(user, container.Id, ct))
            {
                throw new InvalidInputException("passingAcknowledges", T["Only a quiz in an announcement to acknowledge can acknowledge it."]);
            }
        }

        var quiz = await creator.InsertAsync(valid, user.GetUserId(), recipeKey: null, ct);
        await events.PublishAsync(new QuizCreated(quiz.Id, quiz.Title, quiz.AuthorId, valid.Container), ct);
        return quiz.Id;
    }

    public async Task<QuizView> GetAsync(ClaimsPrincipal user, long quizId, CancellationToken ct) =>
        await reader.ViewAsync(await access.ReadAsync(user, quizId, ct), ct);

    /// <summary>A page of the newest quizzes the user may take, <paramref name="take"/> (1 to 50) after the previous page's cursor.</summary>
    public Task<QuizList> ListAsync(ClaimsPrincipal user, string? after, int? take, CancellationToken ct)
    {
        var size = take ?? QuizReader.ListSize;
        if (size is < 1 or > QuizReader.ListSize)
        {
            throw new InvalidInputException("take", T["Take between 1 and {0}.", QuizReader.ListSize]);
        }

        long? before = null;
        if (after is not null)
        {
            before = long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new InvalidInputException("after", T["Use the nextCursor of the previous page."]);
        }

        return reader.ListAsync(user, before, size, ct);
    }

    /// <summary>The groups where the user may create a quiz (as a poll), by name, for the form; none without Groups.</summary>
    public async Task<IReadOnlyList<KeyValuePair<long, string>>> GroupsForNewAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (quizGroups.FirstOrDefault() is not { } groups || polls.Bridge(ContainerKinds.Group) is not { } bridge)
        {
            return [];
        }

        var names = await groups.MemberGroupNamesAsync(user, ct);
        var allowed = new List<KeyValuePair<long, string>>();
        foreach (var (id, name) in names)
        {
            if (await bridge.CanCreateInAsync(user, new PollContainer(ContainerKinds.Group, id), ct))
            {
                allowed.Add(new(id, name));
            }
        }

        return [.. allowed.OrderBy(g => g.Value, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The quizzes of posts or groups, for their cards and tabs: those of containers the user may read.</summary>
    public Task<IReadOnlyList<QuizView>> InContainersAsync(ClaimsPrincipal user, string containerKind, IReadOnlyCollection<long> containerIds, CancellationToken ct) =>
        reader.InContainersAsync(user, containerKind, containerIds, ct);

    /// <summary>Scores and stores an attempt; 400 naming each bad answer, 409 when closed or out of attempts.</summary>
    public async Task<AttemptResult> SubmitAsync(ClaimsPrincipal user, long quizId, AttemptInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var standing = await access.ReadAsync(user, quizId, ct);
        var outcomes = QuizScorer.Score(standing, QuizScorer.Check(standing, input, T));
        if (standing.Poll.IsClosedAt(Now))
        {
            throw new ConflictException(T["This quiz is closed."]);
        }

        var onLeaderboard = standing.Settings.Leaderboard && (input.ShowOnLeaderboard ?? false);
        var now = Now;
        var number = await attempts.InsertAsync(standing, outcomes, onLeaderboard, now, ct);
        var score = outcomes.Count(o => o.Correct);
        var attempt = new QuizAttempt
        {
            PollId = quizId,
            UserId = standing.UserId,
            Number = number,
            Score = score,
            MaxScore = outcomes.Count,
            Passed = QuizScorer.Passes(score, outcomes.Count, standing.Settings.PassMark),
            SubmittedUtc = now,
            OnLeaderboard = onLeaderboard,
        };
        var acknowledged = attempt.Passed && standing.Settings.PassingAcknowledges && PollAccess.ContainerOf(standing.Poll) is { Kind: ContainerKinds.Post } post
            && await AcknowledgeAsync(user, post.Id, ct);
        return QuizReader.Result(standing, attempt, outcomes, acknowledged);
    }

    public async Task<IReadOnlyList<AttemptSummary>> MyAttemptsAsync(ClaimsPrincipal user, long quizId, CancellationToken ct) =>
        await reader.AttemptsAsync(await access.ReadAsync(user, quizId, ct), ct);

    public async Task<AttemptResult?> LastResultAsync(ClaimsPrincipal user, long quizId, CancellationToken ct) =>
        await reader.LastResultAsync(await access.ReadAsync(user, quizId, ct), ct);

    /// <summary>A page of the leaderboard of those who chose to appear; 403 for a quiz without one.</summary>
    public async Task<LeaderboardPage> LeaderboardAsync(ClaimsPrincipal user, long quizId, string? after, int? take, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, quizId, ct);
        return standing.Settings.Leaderboard
            ? await results.LeaderboardAsync(standing, after, take, ct)
            : throw new PermissionDeniedException(Permissions.ViewPolls, T["This quiz has no leaderboard."]);
    }

    public async Task<QuizResults> ResultsAsync(ClaimsPrincipal user, long quizId, CancellationToken ct) =>
        await results.ReadAsync(await ReadResultsAsync(user, quizId, ct), ct);

    public async Task<CsvDocument> ExportCsvAsync(ClaimsPrincipal user, long quizId, CancellationToken ct) =>
        await results.CsvAsync(await ReadResultsAsync(user, quizId, ct), ct);

    public async Task CloseAsync(ClaimsPrincipal user, long quizId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, quizId, ct);
        access.EnsureMayManage(standing);
        if (standing.Poll.ClosedUtc is not null)
        {
            throw new ConflictException(T["This quiz is closed already."]);
        }

        // Conditional, as the deadline task's claim is: of a close by hand, a second one at once and the deadline passing,
        // one closes the quiz and announces it.
        var claimed = await db.Polls.Where(p => p.Id == quizId && p.ClosedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, Now), ct);
        if (claimed == 1)
        {
            var poll = standing.Poll;
            await events.PublishAsync(new PollClosed(quizId, poll.Title, poll.ResultsVisibility, poll.ParticipantCount, user.GetUserId()), ct);
        }
    }

    /// <summary>Opens a closed quiz again, with a new deadline or none (one in the past is refused).</summary>
    public async Task ReopenAsync(ClaimsPrincipal user, long quizId, DateTime? closesUtc, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, quizId, ct);
        access.EnsureMayManage(standing);
        if (closesUtc is { } closes && closes.ToUniversalTime() <= Now)
        {
            throw new InvalidInputException("closesAt", T["The closing time must be in the future."]);
        }

        if (!standing.Poll.IsClosedAt(Now))
        {
            throw new ConflictException(T["This quiz is open."]);
        }

        var deadline = closesUtc?.ToUniversalTime();
        await db.Polls.Where(p => p.Id == quizId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, (DateTime?)null).SetProperty(p => p.ClosesUtc, deadline), ct);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long quizId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, quizId, ct);
        access.EnsureMayManage(standing);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await creator.DeleteContentAsync(quizId, ct);
        await db.QuizSettings.Where(s => s.PollId == quizId).ExecuteDeleteAsync(ct);
        await db.Polls.Where(p => p.Id == quizId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<QuizStanding> ReadResultsAsync(ClaimsPrincipal user, long quizId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, quizId, ct);
        return standing.MaySeeResults
            ? standing
            : throw new PermissionDeniedException(Permissions.ViewAllResults, T["Only the quiz's author and moderators see its results."]);
    }

    private async Task<bool> AsksAcknowledgementAsync(ClaimsPrincipal user, long postId, CancellationToken ct) =>
        acknowledgements.FirstOrDefault() is { } feed && await feed.AsksAcknowledgementAsync(user, postId, ct);

    /// <summary>Without Feed there is no announcement to acknowledge: the attempt stands, nothing more happens.</summary>
    private async Task<bool> AcknowledgeAsync(ClaimsPrincipal user, long postId, CancellationToken ct) =>
        acknowledgements.FirstOrDefault() is { } feed && await feed.AcknowledgeAsync(user, postId, ct);
}
