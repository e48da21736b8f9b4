using System.Globalization;
using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys;

/// <summary>Checks a survey input field by field and names each bad field (<c>questions[3].showWhen</c>), for the API, the pages and the recipe step.</summary>
internal sealed class SurveyValidator(TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int MaxTitle = 300;
    public const int MaxDescription = 2000;
    public const int MaxQuestions = 100;
    public const int MaxQuestionText = 1000;
    public const int MaxOptions = 20;
    public const int MaxOption = 200;
    public const int MaxRows = 20;
    public const int MaxAudience = 50;
    public const int MaxPlace = 100;
    public const int MaxReminderDays = 365;

    public (ValidSurvey? Survey, Dictionary<string, string> Errors) Validate(SurveyInput input, bool requireFutureClose = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitle)
        {
            errors["title"] = T["The title is required, at most {0} characters.", MaxTitle];
        }

        if ((input.Description?.Length ?? 0) > MaxDescription)
        {
            errors["description"] = T["The description must be at most {0} characters.", MaxDescription];
        }

        var visibility = input.ResultsVisibility ?? ResultsVisibilities.AfterClose;
        if (!ResultsVisibilities.All.Contains(visibility))
        {
            errors["resultsVisibility"] = T["The results visibility must be always, afterVote, afterClose or authorOnly."];
        }

        CheckWindow(input, requireFutureClose, errors);
        var (departments, sites, groups) = CheckAudience(input.Audience, errors);
        var (mode, days) = CheckReminders(input.Reminders, errors);
        var questions = CheckQuestions(input.Questions, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidSurvey(title, input.Description?.Trim() ?? "", input.Anonymous ?? false, visibility,
            input.OpensAt?.UtcDateTime, input.ClosesAt?.UtcDateTime, departments, sites, groups, mode, days, questions), errors);
    }

    public ValidSurvey ValidateOrThrow(SurveyInput input, bool requireFutureClose = true)
    {
        var (survey, errors) = Validate(input, requireFutureClose);
        return survey ?? throw new InvalidInputException(errors);
    }

    private void CheckWindow(SurveyInput input, bool requireFutureClose, Dictionary<string, string> errors)
    {
        if (input.ClosesAt is { } closes && requireFutureClose && closes <= clock.GetUtcNow())
        {
            errors["closesAt"] = T["The closing time must be in the future."];
        }
        else if (input.ClosesAt is { } end && input.OpensAt is { } start && end <= start)
        {
            errors["closesAt"] = T["The closing time must be after the opening time."];
        }
    }

    private (List<string> Departments, List<string> Sites, List<long> Groups) CheckAudience(SurveyAudienceInput? audience, Dictionary<string, string> errors)
    {
        var departments = Places(audience?.Departments, "audience.departments", errors);
        var sites = Places(audience?.Sites, "audience.sites", errors);
        var groups = (audience?.GroupIds ?? []).Distinct().ToList();
        if (groups.Count > MaxAudience || groups.Any(g => g <= 0))
        {
            errors["audience.groupIds"] = T["Give at most {0} group ids.", MaxAudience];
        }

        // In order, so the same audience reads the same whichever order a recipe lists it in.
        return ([.. departments.Order(StringComparer.Ordinal)], [.. sites.Order(StringComparer.Ordinal)], [.. groups.Order()]);
    }

    private List<string> Places(IReadOnlyList<string>? values, string field, Dictionary<string, string> errors)
    {
        var places = (values ?? []).Select(v => v?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (places.Count > MaxAudience || places.Any(p => p.Length is 0 or > MaxPlace))
        {
            errors[field] = T["Give at most {0} names of at most {1} characters each.", MaxAudience, MaxPlace];
        }

        return places;
    }

    private (string Mode, int? Days) CheckReminders(SurveyRemindersInput? reminders, Dictionary<string, string> errors)
    {
        var mode = reminders?.Mode ?? ReminderModes.None;
        if (!ReminderModes.All.Contains(mode))
        {
            errors["reminders.mode"] = T["The reminders must be none, once or every."];
            return (mode, null);
        }

        if (mode == ReminderModes.None)
        {
            return (mode, null);
        }

        if (reminders?.Days is not ({ } days and >= 1 and <= MaxReminderDays))
        {
            errors["reminders.days"] = T["Give a number of days between 1 and {0}.", MaxReminderDays];
            return (mode, null);
        }

        return (mode, days);
    }

    private List<ValidSurveyQuestion> CheckQuestions(IReadOnlyList<SurveyQuestionInput>? inputs, Dictionary<string, string> errors)
    {
        var questions = new List<ValidSurveyQuestion>();
        if (inputs is not { Count: > 0 and <= MaxQuestions })
        {
            errors["questions"] = T["Give between 1 and {0} questions.", MaxQuestions];
            return questions;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"questions[{i}]");
            var input = inputs[i] ?? new SurveyQuestionInput(null, null);
            var kind = input.Kind ?? "";
            var text = input.Text?.Trim() ?? "";
            if (text.Length is 0 or > MaxQuestionText)
            {
                errors[field + ".text"] = T["The question is required, at most {0} characters.", MaxQuestionText];
            }

            if (!SurveyQuestionKinds.All.Contains(kind))
            {
                errors[field + ".kind"] = T["The kind must be single, multiple, rating, nps, text or matrix."];
            }

            var page = input.Page ?? questions.LastOrDefault()?.Page ?? 1;
            if (page < 1 || page < (questions.LastOrDefault()?.Page ?? 1))
            {
                errors[field + ".page"] = T["Pages start at 1 and follow the order of the questions."];
            }

            var options = CheckOptions(input, kind, field, errors);
            var rows = CheckRows(input, kind, field, errors);
            var max = CheckMaxChoices(input, kind, options.Count, field, errors);
            CheckCondition(input.ShowWhen, questions, i, field, errors);
            questions.Add(new ValidSurveyQuestion(text, kind, page, input.Required ?? false, options, max, rows, input.ShowWhen?.Question, input.ShowWhen?.Named));
        }

        return questions;
    }

    private List<string> CheckOptions(SurveyQuestionInput input, string kind, string field, Dictionary<string, string> errors)
    {
        switch (kind)
        {
            case SurveyQuestionKinds.Rating:
                return [.. Enumerable.Range(1, 5).Select(v => v.ToString(CultureInfo.InvariantCulture))];
            case SurveyQuestionKinds.Nps:
                return [.. Enumerable.Range(0, 11).Select(v => v.ToString(CultureInfo.InvariantCulture))];
            case SurveyQuestionKinds.Single or SurveyQuestionKinds.Multiple or SurveyQuestionKinds.Matrix:
                var options = (input.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
                if (options.Count is < 2 or > MaxOptions || options.Any(o => o.Length is 0 or > MaxOption)
                    || options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
                {
                    errors[field + ".options"] = T["Give between 2 and {0} different options of at most {1} characters.", MaxOptions, MaxOption];
                }

                return options;
            default:
                if (input.Options is { Count: > 0 })
                {
                    errors[field + ".options"] = T["This kind of question takes no options."];
                }

                return [];
        }
    }

    private List<string> CheckRows(SurveyQuestionInput input, string kind, string field, Dictionary<string, string> errors)
    {
        var rows = (input.Rows ?? []).Select(r => r?.Trim() ?? "").ToList();
        if (kind != SurveyQuestionKinds.Matrix)
        {
            if (rows.Count > 0)
            {
                errors[field + ".rows"] = T["Only a matrix has rows."];
            }

            return [];
        }

        if (rows.Count is < 1 or > MaxRows || rows.Any(r => r.Length is 0 or > MaxQuestionText))
        {
            errors[field + ".rows"] = T["Give between 1 and {0} rows of at most {1} characters.", MaxRows, MaxQuestionText];
        }

        return rows;
    }

    private int? CheckMaxChoices(SurveyQuestionInput input, string kind, int optionCount, string field, Dictionary<string, string> errors)
    {
        if (input.MaxChoices is not { } max)
        {
            return null;
        }

        if (kind != SurveyQuestionKinds.Multiple || max < 1 || max > Math.Max(optionCount, 1))
        {
            errors[field + ".maxChoices"] = T["The maximum of choices must be between 1 and the number of options of a multiple-choice question."];
        }

        return max;
    }

    private void CheckCondition(SurveyConditionInput? condition, List<ValidSurveyQuestion> earlier, int index, string field, Dictionary<string, string> errors)
    {
        if (condition is null)
        {
            return;
        }

        var options = condition.Named;
        if (condition.Question is not { } target || target < 0 || target >= index
            || !SurveyQuestionKinds.HasOptions(earlier[target].Kind)
            || options is null || options.Any(o => o < 0 || o >= earlier[target].Options.Count) || options.Distinct().Count() != options.Count)
        {
            errors[field + ".showWhen"] = T["A condition must point to an option of an earlier choice, rating or NPS question."];
        }
    }
}
