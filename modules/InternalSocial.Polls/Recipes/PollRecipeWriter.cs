using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Recipes;

/// <summary>Creates or updates a recipe's poll by its key, saving nothing when it is as the recipe says.</summary>
internal sealed class PollRecipeWriter(PollsDbContext db, PollCreator creator, IStringLocalizer<ModuleResources> T)
{
    /// <summary>The field that may not change because the poll has votes ("options", "anonymous"…), or null.</summary>
    public async Task<string?> ConflictAsync(string key, ValidPoll valid, CancellationToken cancellationToken)
    {
        var existing = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.RecipeKey == key, cancellationToken);
        if (existing?.FirstVoteUtc is null)
        {
            return null;
        }

        var (question, options) = await ReadQuestionAsync(existing.Id, cancellationToken);
        return existing.Anonymous != valid.Anonymous ? "anonymous"
            : !options.Select(o => o.Text).SequenceEqual(valid.Options, StringComparer.Ordinal) ? "options"
            : question.Kind != Kind(valid) ? "multiple"
            : question.MaxChoices != valid.MaxChoices ? "maxChoices"
            : question.AllowOther != valid.AllowOther ? "allowOther"
            : null;
    }

    public async Task UpsertAsync(string key, ValidPoll valid, CancellationToken cancellationToken)
    {
        var poll = await db.Polls.FirstOrDefaultAsync(p => p.RecipeKey == key, cancellationToken);
        if (poll is null)
        {
            await creator.InsertAsync(valid, authorId: "", key, cancellationToken);
            return;
        }

        if (await ConflictAsync(key, valid, cancellationToken) is { } field)
        {
            throw new InvalidOperationException(T["The poll '{0}' has votes: its {1} can no longer change.", key, field]);
        }

        poll.Title = valid.Question;
        poll.Description = valid.Description;
        poll.Anonymous = valid.Anonymous;
        poll.ResultsVisibility = valid.ResultsVisibility;
        poll.ClosesUtc = valid.ClosesUtc;
        var (question, options) = await ReadQuestionAsync(poll.Id, cancellationToken);
        db.Attach(question);
        question.Text = valid.Question;
        question.Kind = Kind(valid);
        question.MaxChoices = valid.MaxChoices;
        question.AllowOther = valid.AllowOther;
        if (!options.Select(o => o.Text).SequenceEqual(valid.Options, StringComparer.Ordinal))
        {
            // Only while nobody has voted (ConflictAsync): no vote or tally points at the options replaced.
            await db.Options.Where(o => o.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
            db.Options.AddRange(valid.Options.Select((text, i) => new PollOption { QuestionId = question.Id, Position = i, Text = text }));
        }

        // EF Core writes only the properties whose values differ: the same recipe again saves nothing.
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Kind(ValidPoll valid) => valid.Multiple ? QuestionKinds.Multiple : QuestionKinds.Single;

    private async Task<(PollQuestion Question, List<PollOption> Options)> ReadQuestionAsync(long pollId, CancellationToken cancellationToken)
    {
        var question = await db.Questions.AsNoTracking().Where(q => q.PollId == pollId).OrderBy(q => q.Position).FirstAsync(cancellationToken);
        var options = await db.Options.AsNoTracking().Where(o => o.QuestionId == question.Id).OrderBy(o => o.Position).ToListAsync(cancellationToken);
        return (question, options);
    }
}
