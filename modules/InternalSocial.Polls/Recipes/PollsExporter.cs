using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Recipes;

/// <summary>
/// Exports the polls a recipe made (those with a key) as a polls step: their questions and settings, never their votes.
/// Polls people created are content, not configuration, and stay out.
/// </summary>
internal sealed class PollsExporter(PollsDbContext db, QuizzesRecipe quizzes) : IRecipeExporter
{
    public int Order => 300;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var polls = await db.Polls.AsNoTracking().Where(p => p.RecipeKey != null && p.Kind == PollKinds.Poll).OrderBy(p => p.RecipeKey).ToListAsync(cancellationToken);
        var quizItems = await quizzes.ExportAsync(cancellationToken);
        if (polls.Count == 0 && quizItems.Count == 0)
        {
            return [];
        }

        var ids = polls.Select(p => p.Id).ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.PollId) && q.Position == 0).ToDictionaryAsync(q => q.PollId, cancellationToken);
        var questionIds = questions.Values.Select(q => q.Id).ToList();
        var options = (await db.Options.AsNoTracking().Where(o => questionIds.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync(cancellationToken)).ToLookup(o => o.QuestionId);
        var items = new JsonArray();
        foreach (var poll in polls)
        {
            var question = questions[poll.Id];
            var node = new JsonObject
            {
                ["key"] = poll.RecipeKey,
                ["question"] = poll.Title,
                ["description"] = poll.Description,
                ["options"] = new JsonArray([.. options[question.Id].Select(o => (JsonNode)o.Text)]),
                ["multiple"] = question.Kind == QuestionKinds.Multiple,
                ["allowOther"] = question.AllowOther,
                ["anonymous"] = poll.Anonymous,
                ["resultsVisibility"] = poll.ResultsVisibility,
            };
            if (question.MaxChoices is { } max)
            {
                node["maxChoices"] = max;
            }

            if (poll.ClosesUtc is { } closes)
            {
                node["closesAt"] = closes.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }

            items.Add(node);
        }

        var step = new JsonObject { ["name"] = "polls", ["polls"] = items };
        if (quizItems.Count > 0)
        {
            step["quizzes"] = quizItems;
        }

        return [step];
    }
}
