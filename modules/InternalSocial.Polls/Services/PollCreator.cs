using InternalSocial.Polls.Models;

namespace InternalSocial.Polls.Services;

/// <summary>Stores a checked poll with its question and options (for the service and the recipe step).</summary>
internal sealed class PollCreator(PollsDbContext db, TimeProvider clock)
{
    public async Task<Poll> InsertAsync(ValidPoll valid, string authorId, string? recipeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var poll = new Poll
        {
            Kind = PollKinds.Poll,
            Title = valid.Question,
            Description = valid.Description,
            AuthorId = authorId,
            ContainerKind = valid.Container?.Kind ?? ContainerKinds.None,
            ContainerId = valid.Container?.Id,
            Anonymous = valid.Anonymous,
            ResultsVisibility = valid.ResultsVisibility,
            ClosesUtc = valid.ClosesUtc,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            RecipeKey = recipeKey,
        };
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            db.Polls.Add(poll);
            await db.SaveChangesAsync(cancellationToken);
            var question = new PollQuestion
            {
                PollId = poll.Id,
                Position = 0,
                Text = valid.Question,
                Kind = valid.Multiple ? QuestionKinds.Multiple : QuestionKinds.Single,
                MaxChoices = valid.MaxChoices,
                AllowOther = valid.AllowOther,
            };
            db.Questions.Add(question);
            await db.SaveChangesAsync(cancellationToken);
            db.Options.AddRange(valid.Options.Select((text, i) => new PollOption { QuestionId = question.Id, Position = i, Text = text }));
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return poll;
    }
}
