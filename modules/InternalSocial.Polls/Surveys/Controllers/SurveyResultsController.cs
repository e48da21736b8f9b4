using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>A survey's results page and its author's and managers' forms: close, reopen, delete.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class SurveyResultsController(SurveyService surveys, SiteSettingsService settings, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("surveys/{id:long}/results")]
    public async Task<IActionResult> Results(long id, string? breakdown, CancellationToken cancellationToken)
    {
        var survey = await surveys.GetAsync(User, id, cancellationToken);
        var dimension = breakdown is "department" or "site" ? breakdown : null;
        // A few free texts per question: the rest are a page of their own ("all answers"), never loaded all at once.
        var results = await surveys.GetResultsAsync(User, id, dimension, SurveyTextsModel.Preview, cancellationToken);
        return View("~/Views/Surveys/Results.cshtml", new SurveyResultsModel(survey, results, dimension));
    }

    [HttpGet("surveys/{id:long}/questions/{questionId:long}/texts")]
    public async Task<IActionResult> Texts(long id, long questionId, string? after, CancellationToken cancellationToken)
    {
        var survey = await surveys.GetAsync(User, id, cancellationToken);
        var page = await surveys.GetTextsAsync(User, id, questionId, after, take: null, cancellationToken);
        var question = survey.Questions.First(q => q.Id == questionId);
        return View("~/Views/Surveys/Texts.cshtml", new SurveyTextsModel(survey, question.Text, page));
    }

    [HttpPost("surveys/{id:long}/close")]
    [RedirectOnError("~/surveys/{id}/results", typeof(ConflictException))]
    public async Task<IActionResult> Close(long id, CancellationToken cancellationToken)
    {
        await surveys.CloseAsync(User, id, cancellationToken);
        TempData["Message"] = T["The survey is closed."].Value;
        return Redirect(Url.Content($"~/surveys/{id}/results"));
    }

    [HttpPost("surveys/{id:long}/reopen")]
    [RedirectOnError("~/surveys/{id}/results", typeof(InvalidInputException), typeof(ConflictException))]
    public async Task<IActionResult> Reopen(long id, DateTime? closesAt, CancellationToken cancellationToken)
    {
        DateTime? closesUtc = null;
        if (closesAt is { } local)
        {
            var zone = LocalTime.Zone((await settings.GetAsync(cancellationToken)).TimeZoneId);
            closesUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        }

        await surveys.ReopenAsync(User, id, closesUtc, cancellationToken);
        TempData["Message"] = T["The survey is open again."].Value;
        return Redirect(Url.Content($"~/surveys/{id}/results"));
    }

    [HttpPost("surveys/{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        await surveys.DeleteAsync(User, id, cancellationToken);
        TempData["Message"] = T["The survey is deleted."].Value;
        return Redirect(Url.Content("~/surveys"));
    }
}
