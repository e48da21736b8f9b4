using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>Who may read a quiz: exactly the polls' rules (<see cref="PollAccess"/>), with the quiz's own parts loaded.</summary>
internal sealed class QuizAccess(PollsDbContext db, PollAccess polls, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T)
{
    /// <summary>The quiz with the user's standing; <see cref="NotFoundException"/> when it does not exist or the user may not read it.</summary>
    public async Task<QuizStanding> ReadAsync(ClaimsPrincipal user, long quizId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var poll = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.Id == quizId && p.Kind == PollKinds.Quiz, cancellationToken);
        var container = poll is null ? null : PollAccess.ContainerOf(poll);
        if (poll is null || !await polls.CanReadAsync(user, container, cancellationToken))
        {
            throw new NotFoundException(T["No quiz with id {0}.", quizId]);
        }

        return (await StandingsAsync(user, [poll], cancellationToken))[0];
    }

    /// <summary>
    /// Several quizzes the user may read (checked before), with their parts: a fixed number of queries whatever their
    /// number, and one manager check per container.
    /// </summary>
    public async Task<IReadOnlyList<QuizStanding>> StandingsAsync(ClaimsPrincipal user, IReadOnlyList<Poll> quizzes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quizzes);
        var ids = quizzes.Select(p => p.Id).ToList();
        var settings = await db.QuizSettings.AsNoTracking().Where(s => ids.Contains(s.PollId)).ToDictionaryAsync(s => s.PollId, cancellationToken);
        var questions = (await db.Questions.AsNoTracking().Where(q => ids.Contains(q.PollId)).OrderBy(q => q.Position).ToListAsync(cancellationToken)).ToLookup(q => q.PollId);
        var questionIds = questions.SelectMany(g => g).Select(q => q.Id).ToList();
        var options = (await db.Options.AsNoTracking().Where(o => questionIds.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync(cancellationToken)).ToLookup(o => o.QuestionId);
        var explanations = await db.QuizQuestions.AsNoTracking().Where(q => ids.Contains(q.PollId)).ToDictionaryAsync(q => q.QuestionId, q => q.Explanation, cancellationToken);
        var correct = (await db.QuizCorrectOptions.AsNoTracking().Where(o => ids.Contains(o.PollId)).ToListAsync(cancellationToken)).ToLookup(o => o.QuestionId, o => o.OptionId);
        var userId = user.GetUserId();
        var managesAll = await authorization.HasPermissionAsync(user, Permissions.ManagePolls);
        var viewsAllResults = await authorization.HasPermissionAsync(user, Permissions.ViewAllResults);
        var managed = new Dictionary<PollContainer, bool>();
        var standings = new List<QuizStanding>(quizzes.Count);
        foreach (var poll in quizzes)
        {
            var container = PollAccess.ContainerOf(poll);
            if (!managesAll && container is not null && !managed.ContainsKey(container))
            {
                managed[container] = await polls.Bridge(container.Kind)!.CanManageAsync(user, container, cancellationToken);
            }

            var isManager = managesAll || (container is not null && managed[container]);
            standings.Add(new QuizStanding(poll, settings[poll.Id], [.. questions[poll.Id]], options, explanations, correct, userId, poll.AuthorId == userId, isManager, viewsAllResults));
        }

        return standings;
    }

    /// <summary>Throws 403 unless the user is the author or manages the quiz.</summary>
    public void EnsureMayManage(QuizStanding standing)
    {
        if (!standing.MayManage)
        {
            throw new PermissionDeniedException(Permissions.ManagePolls, T["Only the quiz's author or a moderator may do this."]);
        }
    }
}
