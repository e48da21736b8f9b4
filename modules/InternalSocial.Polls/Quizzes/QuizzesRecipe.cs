using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// The <c>quizzes</c> array of the polls step: <c>{ "key", "title", "description", "passMark", "maxAttempts", "leaderboard",
/// "questions": [ { "text", "multiple", "explanation", "options": [ { "text", "correct" } ] } ] }</c>, standalone quizzes
/// upserted by key. Once a quiz has attempts its questions no longer change; its texts and settings still do.
/// </summary>
internal sealed class QuizzesRecipe(PollsDbContext db, QuizValidator validator, QuizCreator creator, IStringLocalizer<ModuleResources> T)
{
    /// <summary>Stored keys are prefixed so that a quiz and a poll of the recipe may share a key.</summary>
    public const string KeyPrefix = "quiz:";

    private static readonly string[] QuizFields = ["key", "title", "description", "passMark", "maxAttempts", "leaderboard", "questions"];

    public async Task ValidateAsync(RecipeStepReader reader, JsonObject data, bool tablesExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (quiz, path) in reader.Objects(data, "", "quizzes"))
        {
            reader.RejectUnknownFields(quiz, path, QuizFields);
            var key = reader.Text(quiz, path, "key", required: true);
            if (key is not null && (key.Length + KeyPrefix.Length > 100 || !keys.Add(key)))
            {
                reader.Error($"{path}.key", T["must be at most {0} characters and used once in the step.", 100 - KeyPrefix.Length]);
            }

            var (valid, problems) = validator.Validate(Read(reader, quiz, path));
            foreach (var (field, problem) in problems)
            {
                reader.Error($"{path}.{field}", problem);
            }

            if (valid is not null && key is not null && tablesExist && await HasAttemptsAsync(KeyPrefix + key, cancellationToken) is { } id
                && !await SameQuestionsAsync(id, valid, cancellationToken))
            {
                reader.Error($"{path}.questions", T["cannot change: the quiz has attempts already."]);
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepReader reader, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var (quiz, path) in reader.Objects(data, "", "quizzes"))
        {
            var key = KeyPrefix + RecipeStepReader.TextOf(quiz, "key");
            var valid = validator.ValidateOrThrow(Read(reader, quiz, path));
            var poll = await db.Polls.FirstOrDefaultAsync(p => p.RecipeKey == key && p.Kind == PollKinds.Quiz, cancellationToken);
            if (poll is null)
            {
                await creator.InsertAsync(valid, authorId: "", key, cancellationToken);
                continue;
            }

            poll.Title = valid.Title;
            poll.Description = valid.Description;
            var settings = await db.QuizSettings.FirstAsync(s => s.PollId == poll.Id, cancellationToken);
            (settings.PassMark, settings.MaxAttempts, settings.Leaderboard) = (valid.PassMark, valid.MaxAttempts, valid.Leaderboard);
            // EF Core writes only the properties whose values differ: the same recipe again saves nothing.
            await db.SaveChangesAsync(cancellationToken);
            if (!await SameQuestionsAsync(poll.Id, valid, cancellationToken))
            {
                // Only while nobody has tried it (checked by the validation): no attempt points at the questions replaced.
                await creator.DeleteContentAsync(poll.Id, cancellationToken);
                await creator.InsertQuestionsAsync(poll.Id, valid.Questions, cancellationToken);
            }
        }
    }

    /// <summary>The recipe's quizzes (those with a key) as the step's <c>quizzes</c> array; never their attempts.</summary>
    public async Task<JsonArray> ExportAsync(CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        var quizzes = await db.Polls.AsNoTracking().Where(p => p.Kind == PollKinds.Quiz && p.RecipeKey != null).OrderBy(p => p.RecipeKey).ToListAsync(cancellationToken);
        foreach (var quiz in quizzes)
        {
            var settings = await db.QuizSettings.AsNoTracking().FirstAsync(s => s.PollId == quiz.Id, cancellationToken);
            var node = new JsonObject
            {
                ["key"] = quiz.RecipeKey![KeyPrefix.Length..],
                ["title"] = quiz.Title,
                ["description"] = quiz.Description,
                ["passMark"] = settings.PassMark,
                ["leaderboard"] = settings.Leaderboard,
                ["questions"] = new JsonArray([.. (await QuestionsAsync(quiz.Id, cancellationToken)).Select(q => (JsonNode)new JsonObject
                {
                    ["text"] = q.Text,
                    ["multiple"] = q.Multiple,
                    ["explanation"] = q.Explanation,
                    ["options"] = new JsonArray([.. q.Options.Select((o, i) => (JsonNode)new JsonObject { ["text"] = o, ["correct"] = q.Correct.Contains(i) })]),
                })]),
            };
            if (settings.MaxAttempts is { } max)
            {
                node["maxAttempts"] = max;
            }

            items.Add(node);
        }

        return items;
    }

    private QuizInput Read(RecipeStepReader reader, JsonObject quiz, string path) => new(
        reader.Text(quiz, path, "title", required: true),
        [.. reader.Objects(quiz, path, "questions", required: true).Select(q =>
        {
            reader.RejectUnknownFields(q.Node, q.Path, "text", "multiple", "explanation", "options");
            var options = reader.Objects(q.Node, q.Path, "options", required: true).Select(o =>
            {
                reader.RejectUnknownFields(o.Node, o.Path, "text", "correct");
                return new QuizOptionInput(reader.Text(o.Node, o.Path, "text", required: true), reader.Flag(o.Node, o.Path, "correct"));
            });
            return new QuizQuestionInput(reader.Text(q.Node, q.Path, "text", required: true), [.. options], reader.Flag(q.Node, q.Path, "multiple"), reader.Text(q.Node, q.Path, "explanation"));
        })],
        reader.Text(quiz, path, "description"),
        WholeNumber(reader, quiz, path, "passMark"),
        WholeNumber(reader, quiz, path, "maxAttempts"),
        reader.Flag(quiz, path, "leaderboard"));

    private int? WholeNumber(RecipeStepReader reader, JsonObject node, string path, string field)
    {
        if (node[field] is null)
        {
            return null;
        }

        if (node[field] is JsonValue value && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        reader.Error($"{path}.{field}", T["must be a whole number."]);
        return null;
    }

    private async Task<long?> HasAttemptsAsync(string key, CancellationToken cancellationToken)
    {
        var id = await db.Polls.Where(p => p.RecipeKey == key && p.Kind == PollKinds.Quiz).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } quizId && await db.QuizAttempts.AnyAsync(a => a.PollId == quizId, cancellationToken) ? id : null;
    }

    private async Task<bool> SameQuestionsAsync(long pollId, ValidQuiz valid, CancellationToken cancellationToken)
    {
        var stored = await QuestionsAsync(pollId, cancellationToken);
        return stored.Count == valid.Questions.Count && stored.Zip(valid.Questions).All(p =>
            p.First.Text == p.Second.Text && p.First.Multiple == p.Second.Multiple && p.First.Explanation == p.Second.Explanation
            && p.First.Options.SequenceEqual(p.Second.Options, StringComparer.Ordinal) && p.First.Correct.SetEquals(p.Second.Correct));
    }

    private async Task<List<ValidQuizQuestion>> QuestionsAsync(long pollId, CancellationToken cancellationToken)
    {
        var questions = await db.Questions.AsNoTracking().Where(q => q.PollId == pollId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var ids = questions.Select(q => q.Id).ToList();
        var options = (await db.Options.AsNoTracking().Where(o => ids.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync(cancellationToken)).ToLookup(o => o.QuestionId);
        var correct = (await db.QuizCorrectOptions.AsNoTracking().Where(o => o.PollId == pollId).Select(o => o.OptionId).ToListAsync(cancellationToken)).ToHashSet();
        var explanations = await db.QuizQuestions.AsNoTracking().Where(q => q.PollId == pollId).ToDictionaryAsync(q => q.QuestionId, q => q.Explanation, cancellationToken);
        return [.. questions.Select(q => new ValidQuizQuestion(q.Text, q.Kind == QuestionKinds.Multiple, explanations.GetValueOrDefault(q.Id, ""),
            [.. options[q.Id].Select(o => o.Text)],
            options[q.Id].Select((o, i) => (o, i)).Where(x => correct.Contains(x.o.Id)).Select(x => x.i).ToHashSet()))];
    }
}
