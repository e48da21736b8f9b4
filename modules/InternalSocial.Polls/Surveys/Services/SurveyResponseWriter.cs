using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Writes a response in one transaction. The participation's key is the one-response rule (two requests at once:
/// one inserts, the other gets 409). An anonymous response writes who answered (the participation) apart from what
/// (tallies, and free texts under a random key with no user); a named one also writes the person's answers.
/// </summary>
internal sealed class SurveyResponseWriter(PollsDbContext db, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    public const int MaxPlace = 100;

    public async Task WriteAsync(SurveyStanding standing, SurveyAnswers answers, CancellationToken cancellationToken)
    {
        var (poll, userId) = (standing.Poll, standing.UserId);
        var person = (await people.GetByIdsAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        var (department, site) = (Clip(person?.Department), Clip(person?.Site));
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Polls_Participations" ("PollId", "UserId") VALUES ({poll.Id}, {userId}) ON CONFLICT DO NOTHING""", cancellationToken);
        if (inserted == 0)
        {
            throw new ConflictException(T["You have already answered this survey."]);
        }

        // Conditional on what was read: a survey closed or turned anonymous meanwhile refuses the response.
        var counted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Polls_Polls" SET "ParticipantCount" = "ParticipantCount" + 1 WHERE "Id" = {poll.Id} AND "Anonymous" = {poll.Anonymous} AND "ClosedUtc" IS NULL""",
            cancellationToken);
        if (counted == 0)
        {
            throw new ConflictException(T["The survey changed while you answered; please try again."]);
        }

        var tallies = new SurveyTallies();
        foreach (var questionId in answers.Answered)
        {
            tallies.AddAnswered(questionId, 1);
        }

        foreach (var (questionId, optionId) in answers.Choices)
        {
            tallies.Add(questionId, optionId, department, site, 1);
            if (!poll.Anonymous)
            {
                db.Votes.Add(new PollVote { PollId = poll.Id, QuestionId = questionId, OptionId = optionId, UserId = userId, Department = department, Site = site });
            }
        }

        foreach (var (questionId, text) in answers.Texts)
        {
            db.OtherAnswers.Add(new PollOtherAnswer { Id = Guid.NewGuid(), QuestionId = questionId, UserId = poll.Anonymous ? null : userId, Text = text });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tallies.ApplyAsync(db, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static string? Clip(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxPlace)];
}
