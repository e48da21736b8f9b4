using InternalSocial.Groups.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>
/// <c>/surveys/new</c>. Without a script, "add a question" and "remove" post the form and redraw it; the survey is
/// checked by <see cref="SurveyService"/>, whose refusals come back beside their fields.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class NewSurveyController(SurveyService surveys, SiteSettingsService settings, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("surveys/new")]
    [RequirePermission("Polls.CreateSurveys")]
    public async Task<IActionResult> New(string? template, CancellationToken cancellationToken)
    {
        var model = template == SurveyTemplate.RecipeName ? await SurveyTemplate.LoadAsync(Recipes, cancellationToken) : null;
        return await FormAsync(model ?? new NewSurveyModel(), cancellationToken);
    }

    [HttpPost("surveys/new")]
    [RequirePermission("Polls.CreateSurveys")]
    public async Task<IActionResult> Create(NewSurveyModel model, string? add, int? remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (add is not null || remove is not null)
        {
            ModelState.Clear();
            if (remove is { } index && index >= 0 && index < model.Questions.Count && model.Questions.Count > 1)
            {
                model.Questions.RemoveAt(index);
            }
            else if (add is not null && model.Questions.Count < NewSurveyModel.MaxQuestions)
            {
                model.Questions.Add(new NewSurveyQuestionModel { Page = model.Questions.LastOrDefault()?.Page ?? 1 });
            }

            return await FormAsync(model, cancellationToken);
        }

        try
        {
            var id = await surveys.CreateAsync(User, await InputAsync(model, cancellationToken), cancellationToken);
            TempData["Message"] = T["Your survey is saved."].Value;
            return Redirect(Url.Content($"~/surveys/{id}"));
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, problem) in invalid.Errors)
            {
                model.Errors[field] = model.Errors.TryGetValue(field, out var before) ? $"{before} {problem}" : problem;
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await FormAsync(model, cancellationToken);
        }
    }

    // The host's recipe files: absent from a tenant container that does not forward them, and then there is no template.
    private RecipeHarvester? Recipes => HttpContext.RequestServices.GetService<RecipeHarvester>();

    private async Task<IActionResult> FormAsync(NewSurveyModel model, CancellationToken cancellationToken)
    {
        model.HasTemplate = await SurveyTemplate.ExistsAsync(Recipes, cancellationToken);
        // Groups are a module of their own: without it, the audience has no groups to offer.
        if (HttpContext.RequestServices.GetService<IGroupAccess>() is { } groups)
        {
            model.GroupChoices = await groups.GetNamesAsync(await groups.GetMemberGroupIdsAsync(User, cancellationToken), User, cancellationToken);
        }

        return View("~/Views/Surveys/New.cshtml", model);
    }

    private async Task<SurveyInput> InputAsync(NewSurveyModel model, CancellationToken cancellationToken)
    {
        var zone = LocalTime.Zone((await settings.GetAsync(cancellationToken)).TimeZoneId);
        DateTimeOffset? Utc(DateTime? local) => local is { } value
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone), TimeSpan.Zero)
            : null;
        return new SurveyInput(
            model.Title,
            [.. model.Questions.Select((question, index) => Question(model, question, index))],
            model.Description,
            model.Anonymous,
            model.ResultsVisibility,
            Utc(model.OpensAt),
            Utc(model.ClosesAt),
            new SurveyAudienceInput(NewSurveyModel.List(model.Departments), NewSurveyModel.List(model.Sites), model.GroupIds),
            new SurveyRemindersInput(model.ReminderMode, model.ReminderMode == ReminderModes.None ? null : model.ReminderDays));
    }

    private static SurveyQuestionInput Question(NewSurveyModel model, NewSurveyQuestionModel question, int index)
    {
        SurveyConditionInput? condition = null;
        if (question.ConditionQuestion is { } number)
        {
            // The form names the earlier question by its number and the answer by its text; the service takes indexes.
            var source = number >= 1 && number <= index ? model.Questions[number - 1] : null;
            var answer = (question.ConditionAnswer ?? "").Trim();
            var option = source?.Answers.ToList().FindIndex(a => string.Equals(a, answer, StringComparison.CurrentCultureIgnoreCase)) ?? -1;
            condition = new SurveyConditionInput(number - 1, option);
        }

        var matrix = question.Kind == SurveyQuestionKinds.Matrix;
        var choices = question.Kind is SurveyQuestionKinds.Single or SurveyQuestionKinds.Multiple;
        return new SurveyQuestionInput(
            question.Text,
            question.Kind,
            question.Page,
            question.Required,
            choices || matrix ? NewSurveyQuestionModel.Lines(question.Options) : null,
            question.Kind == SurveyQuestionKinds.Multiple ? question.MaxChoices : null,
            matrix ? NewSurveyQuestionModel.Lines(question.Rows) : null,
            condition);
    }
}
