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

        var settings = await db.QuizSettings.AsNoTracking().FirstAsync(s => s.PollId == quizId, cancellationToken);
        var questions = await db.Questions.AsNoTracking().Where(q => q.PollId == quizId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var questionIds = questions.Select(q => q.Id).ToList();
        var options = await db.Options.AsNoTracking().Where(o => questionIds.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync(cancellationToken);
        var explanations = await db.QuizQuestions.AsNoTracking().Where(q => q.PollId == quizId).ToDictionaryAsync(q => q.QuestionId, q => q.Explanation, cancellationToken);
        var correct = await db.QuizCorrectOptions.AsNoTracking().Where(o => o.PollId == quizId).ToListAsync(cancellationToken);
        var userId = user.GetUserId();
        var isManager = await authorization.HasPermissionAsync(user, Permissions.ManagePolls)
            || (container is not null && await polls.Bridge(container.Kind)!.CanManageAsync(user, container, cancellationToken));
        return new QuizStanding(poll, settings, questions, options.ToLookup(o => o.QuestionId), explanations,
            correct.ToLookup(o => o.QuestionId, o => o.OptionId), userId, poll.AuthorId == userId, isManager,
            await authorization.HasPermissionAsync(user, Permissions.ViewAllResults));
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
