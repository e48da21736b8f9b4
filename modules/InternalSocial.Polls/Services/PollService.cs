using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>
/// Polls for the pages and the API: every permission and container check is made here. Results come from tallies;
/// what a reader sees of them follows the poll's results visibility (<see cref="PollStanding.MaySeeResults"/>).
/// </summary>
internal sealed class PollService(
    PollsDbContext db,
    PollAccess access,
    PollValidator validator,
    PollCreator creator,
    VoteWriter votes,
    PollResultsReader results,
    PollViews views,
    IAuthorizationService authorization,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public async Task<long> CreateAsync(ClaimsPrincipal user, PollInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await EnsureMayCreateAsync(user, input, ct);
        var valid = validator.ValidateOrThrow(input);
        if (valid.Container is { } container)
        {
            var field = container.Kind == ContainerKinds.Post ? "postId" : "groupId";
            var bridge = access.Bridge(container.Kind) ?? throw new InvalidInputException(field, T["Polls cannot be placed there: that feature is off."]);
            if (!await bridge.CanReadAsync(user, container, ct))
            {
                throw access.ContainerNotFound(container);
            }

            if (!await bridge.CanCreateInAsync(user, container, ct))
            {
                throw new PermissionDeniedException(Permissions.CreatePolls, T["You may not add a poll there."]);
            }
        }

        var poll = await creator.InsertAsync(valid, user.GetUserId(), recipeKey: null, ct);
        await events.PublishAsync(new PollCreated(poll.Id, poll.Title, poll.AuthorId, valid.Container), ct);
        return poll.Id;
    }

    /// <summary>
    /// 403 for one who may create no poll, unless the post or group they named is one they may not read: its absence
    /// answers first (404), so that a refusal never says a secret group exists.
    /// </summary>
    private async Task EnsureMayCreateAsync(ClaimsPrincipal user, PollInput input, CancellationToken ct)
    {
        if (!await authorization.HasPermissionAsync(user, Permissions.CreatePolls)
            && PollValidator.ContainerOf(input) is { } container
            && !await access.CanReadAsync(user, container, ct))
        {
            throw access.ContainerNotFound(container);
        }

        await authorization.EnsurePermissionAsync(user, Permissions.CreatePolls);
    }

    public async Task<PollView> GetAsync(ClaimsPrincipal user, long pollId, CancellationToken ct) =>
        await views.ViewAsync(await access.ReadAsync(user, pollId, ct), ct);

    public Task<PollList> ListAsync(ClaimsPrincipal user, PollListQuery query, CancellationToken ct) => views.ListAsync(user, query, ct);

    public async Task VoteAsync(ClaimsPrincipal user, long pollId, VoteInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ballot = await access.BallotAsync(user, pollId, ct);
        var (choices, other) = CheckVote(ballot, input);
        if (ballot.IsClosedAt(Now))
        {
            throw new ConflictException(T["This poll is closed."]);
        }

        await votes.VoteAsync(ballot, choices, other, ct);
        await events.PublishAsync(new PollVotesChanged(pollId), ct);
    }

    public async Task RetractAsync(ClaimsPrincipal user, long pollId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, pollId, ct);
        if (standing.Poll.Anonymous)
        {
            throw new ConflictException(T["Anonymous votes are final: they cannot be taken back."]);
        }

        if (standing.Poll.IsClosedAt(Now))
        {
            throw new ConflictException(T["This poll is closed."]);
        }

        await votes.RetractAsync(standing, ct);
        await events.PublishAsync(new PollVotesChanged(pollId), ct);
    }

    public async Task CloseAsync(ClaimsPrincipal user, long pollId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, pollId, ct);
        access.EnsureMayManage(standing);
        if (standing.Poll.ClosedUtc is not null)
        {
            throw new ConflictException(T["This poll is closed already."]);
        }

        // Conditional, as the deadline's close (PollDeadlineTask) is: whichever closes it first announces it.
        if (await db.Polls.Where(p => p.Id == pollId && p.ClosedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, Now), ct) == 0)
        {
            throw new ConflictException(T["This poll is closed already."]);
        }

        await events.PublishAsync(new PollClosed(pollId, standing.Poll.Title, standing.Poll.ResultsVisibility, standing.Poll.ParticipantCount, user.GetUserId()), ct);
    }

    /// <summary>Opens a closed poll again, with a new deadline or none (one in the past is refused).</summary>
    public async Task ReopenAsync(ClaimsPrincipal user, long pollId, DateTime? closesUtc, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, pollId, ct);
        access.EnsureMayManage(standing);
        if (closesUtc is { } closes && closes.ToUniversalTime() <= Now)
        {
            throw new InvalidInputException("closesAt", T["The closing time must be in the future."]);
        }

        if (!standing.Poll.IsClosedAt(Now))
        {
            throw new ConflictException(T["This poll is open."]);
        }

        var deadline = closesUtc?.ToUniversalTime();
        await db.Polls.Where(p => p.Id == pollId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, (DateTime?)null).SetProperty(p => p.ClosesUtc, deadline), ct);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long pollId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, pollId, ct);
        access.EnsureMayManage(standing);
        await using var transaction = await votes.BeginAsync(ct);
        var questionIds = await db.Questions.Where(q => q.PollId == pollId).Select(q => q.Id).ToListAsync(ct);
        await db.Tallies.Where(t => questionIds.Contains(t.QuestionId)).ExecuteDeleteAsync(ct);
        await db.OtherAnswers.Where(a => questionIds.Contains(a.QuestionId)).ExecuteDeleteAsync(ct);
        await db.Votes.Where(v => v.PollId == pollId).ExecuteDeleteAsync(ct);
        await db.Participations.Where(p => p.PollId == pollId).ExecuteDeleteAsync(ct);
        await db.Options.Where(o => questionIds.Contains(o.QuestionId)).ExecuteDeleteAsync(ct);
        await db.Questions.Where(q => q.PollId == pollId).ExecuteDeleteAsync(ct);
        await db.Polls.Where(p => p.Id == pollId).ExecuteDeleteAsync(ct);
        await VoteWriter.CommitAsync(transaction, ct);
    }

    public Task<PollResults> GetResultsAsync(ClaimsPrincipal user, long pollId, CancellationToken ct) => GetResultsAsync(user, pollId, breakdown: null, ct);

    /// <summary>The results, by department or site when <paramref name="breakdown"/> says so; 403 while they are hidden from the user.</summary>
    public async Task<PollResults> GetResultsAsync(ClaimsPrincipal user, long pollId, string? breakdown, CancellationToken ct)
    {
        if (breakdown is not null and not TallyDimensions.Department and not TallyDimensions.Site)
        {
            throw new InvalidInputException("breakdown", T["The breakdown must be department or site."]);
        }

        return await results.ReadAsync(await ReadResultsAsync(user, pollId, ct), breakdown, Now, ct);
    }

    public async Task<CsvDocument> ExportCsvAsync(ClaimsPrincipal user, long pollId, CancellationToken ct) =>
        await results.CsvAsync(await ReadResultsAsync(user, pollId, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<PollStanding> ReadResultsAsync(ClaimsPrincipal user, long pollId, CancellationToken ct)
    {
        var standing = await access.ReadAsync(user, pollId, ct);
        return standing.MaySeeResults(Now)
            ? standing
            : throw new PermissionDeniedException(Permissions.ViewPolls, T["The results of this poll are not shown yet."]);
    }

    /// <summary>400 for an option of another poll or a bad "other" answer; 409 over the maximum of choices.</summary>
    private (IReadOnlyList<long> Choices, string? Other) CheckVote(PollBallot ballot, VoteInput input)
    {
        var choices = (input.Choices ?? []).Distinct().ToList();
        var other = string.IsNullOrWhiteSpace(input.Other) ? null : input.Other.Trim();
        if (!choices.All(ballot.OptionIds.Contains))
        {
            throw new InvalidInputException("choices", T["Choose among this poll's options."]);
        }

        if (other is not null && (!ballot.AllowOther || other.Length > PollValidator.MaxOther))
        {
            throw new InvalidInputException("other", ballot.AllowOther
                ? T["The other answer must be at most {0} characters.", PollValidator.MaxOther]
                : T["This poll takes no other answer."]);
        }

        if (choices.Count == 0 && other is null)
        {
            throw new InvalidInputException("choices", T["Choose at least one option."]);
        }

        var max = ballot.QuestionKind == QuestionKinds.Single ? 1 : ballot.MaxChoices ?? ballot.OptionIds.Count;
        if (choices.Count > max)
        {
            throw new ConflictException(T["Choose at most {0} options.", max]);
        }

        return (choices, other);
    }
}
