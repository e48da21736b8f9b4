using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>Checks a quiz input field by field, naming each bad field as the API spells it (<c>questions[1].options</c>).</summary>
internal sealed class QuizValidator(TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int MaxTitle = 300;
    public const int MaxQuestions = 50;
    public const int MaxQuestion = 1000;
    public const int MaxExplanation = 2000;
    public const int MaxAttemptsLimit = 100;
    public const int DefaultPassMark = 50;

    public (ValidQuiz? Quiz, Dictionary<string, string> Errors) Validate(QuizInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitle)
        {
            errors["title"] = T["The title is required, at most {0} characters.", MaxTitle];
        }

        if ((input.Description?.Length ?? 0) > PollValidator.MaxDescription)
        {
            errors["description"] = T["The description must be at most {0} characters.", PollValidator.MaxDescription];
        }

        var questions = new List<ValidQuizQuestion>();
        if (input.Questions is not { Count: > 0 and <= MaxQuestions } given)
        {
            errors["questions"] = T["Give between 1 and {0} questions.", MaxQuestions];
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (Question(given[i], $"questions[{i}]", errors) is { } question)
                {
                    questions.Add(question);
                }
            }
        }

        CheckSettings(input, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var container = input.PostId is { } postId ? new PollContainer(ContainerKinds.Post, postId)
            : input.GroupId is { } groupId ? new PollContainer(ContainerKinds.Group, groupId) : null;
        return (new ValidQuiz(title, input.Description?.Trim() ?? "", questions, input.PassMark ?? DefaultPassMark, input.MaxAttempts,
            input.Leaderboard ?? false, input.PassingAcknowledges ?? false, input.ClosesAt?.UtcDateTime, container), errors);
    }

    public ValidQuiz ValidateOrThrow(QuizInput input)
    {
        var (quiz, errors) = Validate(input);
        return quiz ?? throw new InvalidInputException(errors);
    }

    private ValidQuizQuestion? Question(QuizQuestionInput? input, string path, Dictionary<string, string> errors)
    {
        var before = errors.Count;
        var text = input?.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxQuestion)
        {
            errors[$"{path}.text"] = T["The question is required, at most {0} characters.", MaxQuestion];
        }

        var explanation = input?.Explanation?.Trim() ?? "";
        if (explanation.Length > MaxExplanation)
        {
            errors[$"{path}.explanation"] = T["The explanation must be at most {0} characters.", MaxExplanation];
        }

        var options = (input?.Options ?? []).Select(o => (Text: o?.Text?.Trim() ?? "", Correct: o?.Correct ?? false)).ToList();
        var correct = options.Select((o, i) => (o, i)).Where(x => x.o.Correct).Select(x => x.i).ToHashSet();
        var multiple = input?.Multiple ?? false;
        if (options.Count is < 2 or > PollValidator.MaxOptions)
        {
            errors[$"{path}.options"] = T["Give between 2 and {0} options.", PollValidator.MaxOptions];
        }
        else if (options.Any(o => o.Text.Length is 0 or > PollValidator.MaxOption))
        {
            errors[$"{path}.options"] = T["Each option needs a text of at most {0} characters.", PollValidator.MaxOption];
        }
        else if (options.Select(o => o.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            errors[$"{path}.options"] = T["Two options have the same text."];
        }
        else if (correct.Count == 0)
        {
            errors[$"{path}.options"] = T["Mark at least one option as correct."];
        }
        else if (!multiple && correct.Count > 1)
        {
            errors[$"{path}.options"] = T["A single-choice question has exactly one correct option; set multiple to true for more."];
        }

        return errors.Count > before ? null : new ValidQuizQuestion(text, multiple, explanation, [.. options.Select(o => o.Text)], correct);
    }

    private void CheckSettings(QuizInput input, Dictionary<string, string> errors)
    {
        if (input.Anonymous == true)
        {
            errors["anonymous"] = T["A quiz cannot be anonymous: it gives each person a score."];
        }

        if (input.PassMark is < 0 or > 100)
        {
            errors["passMark"] = T["The pass mark must be between 0 and 100."];
        }

        if (input.MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            errors["maxAttempts"] = T["The attempts allowed must be between 1 and {0}, or none for no limit.", MaxAttemptsLimit];
        }

        if (input.ClosesAt is { } closes && closes <= clock.GetUtcNow())
        {
            errors["closesAt"] = T["The closing time must be in the future."];
        }

        if (input.PostId is not null && input.GroupId is not null)
        {
            errors["groupId"] = T["A quiz is in a post or in a group, not both."];
        }

        if (input.PassingAcknowledges == true && input.PostId is null)
        {
            errors["passingAcknowledges"] = T["Only a quiz in an announcement to acknowledge can acknowledge it."];
        }
    }
}
