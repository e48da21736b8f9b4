using System.Globalization;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>
/// The surveys' list and answering pages. Without JavaScript every step is a form post: "next" and "back" redraw the
/// form on another page with the answers so far in hidden fields, and only "send" reaches <see cref="SurveyService"/>,
/// which judges every answer, those to questions hidden by a condition included.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class SurveysController(SurveyService surveys, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("surveys")]
    public async Task<IActionResult> Index(string? cursor, string? mine, CancellationToken cancellationToken)
    {
        var forMe = await surveys.ListForMeAsync(User, new SurveyListQuery(cursor), cancellationToken);
        var canCreate = await authorization.HasPermissionAsync(User, Permissions.CreateSurveys);
        var managed = canCreate || await authorization.HasPermissionAsync(User, Permissions.ManagePolls)
            ? await surveys.ListManagedAsync(User, new SurveyListQuery(mine), cancellationToken)
            : new SurveyList([], null);
        return View(new SurveysIndexModel(forMe, managed, canCreate));
    }

    [HttpGet("surveys/{id:long}")]
    public async Task<IActionResult> Survey(long id, int? page, CancellationToken cancellationToken)
    {
        var survey = await surveys.GetAsync(User, id, cancellationToken);
        var results = survey.Answered && survey.CanSeeResults ? await surveys.GetResultsAsync(User, id, null, SurveyTextsModel.Preview, cancellationToken) : null;
        return View(SurveyAnswerModel.Start(survey, page ?? 1, results));
    }

    /// <summary>"next" and "back" move between pages keeping the answers; "send" records the response.</summary>
    [HttpPost("surveys/{id:long}")]
    [RedirectOnError("~/surveys/{id}", typeof(ConflictException))]
    public async Task<IActionResult> Answer(long id, int page, string? go, CancellationToken cancellationToken)
    {
        var survey = await surveys.GetAsync(User, id, cancellationToken);
        var answers = SurveyFormAnswers.FromForm(Request.Form);
        if (go is "next" or "back")
        {
            var target = SurveyAnswerModel.Clamp(survey, go == "next" ? page + 1 : page - 1);
            return View(nameof(Survey), new SurveyAnswerModel(survey, target, answers.WithoutSkipped(survey), new Dictionary<long, string>(), [], null));
        }

        try
        {
            await surveys.SubmitAsync(User, id, new SurveyResponseInput(answers.ToInput(survey)), cancellationToken);
            TempData["Message"] = T["Thank you: your answers are recorded."].Value;
            return Redirect(Url.Content($"~/surveys/{id}"));
        }
        catch (InvalidInputException invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Survey), Refused(survey, answers, invalid, page));
        }
    }

    /// <summary>
    /// The page of the first refused answer, each refusal beside its question. A refused answer is dropped, so that the
    /// form can be sent again: a radio button cannot be unticked without a script.
    /// </summary>
    private static SurveyAnswerModel Refused(SurveyView survey, SurveyFormAnswers answers, InvalidInputException invalid, int page)
    {
        var byQuestion = new Dictionary<long, string>();
        var other = new List<string>();
        foreach (var (field, problem) in invalid.Errors)
        {
            var parts = field.Split('.');
            if (parts is ["answers", var key, ..] && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var questionId)
                && survey.Questions.Any(q => q.Id == questionId))
            {
                byQuestion[questionId] = byQuestion.TryGetValue(questionId, out var before) ? $"{before} {problem}" : problem;
            }
            else
            {
                other.Add(problem);
            }
        }

        var refused = survey.Questions.Where(q => byQuestion.ContainsKey(q.Id)).ToList();
        var hidden = refused.Where(q => q.ShowWhen is not null).Select(SurveyFormAnswers.Name).ToHashSet();
        var target = refused.Count > 0 ? refused.Min(q => q.Page) : page;
        return new SurveyAnswerModel(survey, SurveyAnswerModel.Clamp(survey, target), answers.Without(hidden), byQuestion, other, null);
    }
}
