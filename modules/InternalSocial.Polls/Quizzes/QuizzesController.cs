using System.Globalization;
using System.Text.RegularExpressions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Themes;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// The quizzes' pages. They work without JavaScript: every action is a form post to the same <see cref="QuizService"/>
/// as the API, followed by a redirect.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed partial class QuizzesController(
    QuizService quizzes,
    IPeopleLookup people,
    IAuthorizationService authorization,
    SiteSettingsService settings,
    IStringLocalizer<ModuleResources> T) : Controller
{
    /// <summary>The prefix of an answer's field: <c>answers-{questionId}</c>, one value per option chosen.</summary>
    public const string AnswerField = "answers-";

    [HttpGet("quizzes")]
    public async Task<IActionResult> Index(string? after, CancellationToken cancellationToken)
    {
        var page = await quizzes.ListAsync(User, after, take: null, cancellationToken);
        var authors = await people.GetByIdsAsync([.. page.Quizzes.Select(q => q.AuthorId).Distinct()], cancellationToken);
        return View(new QuizzesIndexModel(page.Quizzes, authors.ToDictionary(a => a.Key, a => a.Value.DisplayName), await authorization.HasPermissionAsync(User, Permissions.CreatePolls), page.NextCursor));
    }

    [HttpGet("quizzes/new")]
    [RequirePermission("Polls.Create")]
    public async Task<IActionResult> New(long? postId, long? groupId, CancellationToken cancellationToken) =>
        View(await WithGroupsAsync(new NewQuizModel { PostId = postId, GroupId = groupId }, cancellationToken));

    /// <summary>Creates the quiz; "add" instead redraws the form with one question more (no script needed).</summary>
    [HttpPost("quizzes/new")]
    [RequirePermission("Polls.Create")]
    public async Task<IActionResult> Create(NewQuizModel model, string? add, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (add is not null)
        {
            ModelState.Clear();
            model.Questions = [.. model.Rows];
            if (model.Questions.Count < NewQuizModel.MaxQuestions)
            {
                model.Questions.Add(new NewQuizQuestion());
            }

            return View(nameof(New), await WithGroupsAsync(model, cancellationToken));
        }

        try
        {
            var input = new QuizInput(model.Title, [.. model.Rows.Select(q => q.ToInput())], model.Description, model.PassMark, model.MaxAttempts,
                model.Leaderboard, model.PassingAcknowledges, ClosesAt: await ToUtcAsync(model.ClosesAt, cancellationToken), PostId: model.PostId, GroupId: model.GroupId);
            var id = await quizzes.CreateAsync(User, input, cancellationToken);
            TempData["Message"] = T["Your quiz is open."].Value;
            return Redirect(Url.Content($"~/quizzes/{id}"));
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, problem) in invalid.Errors)
            {
                ModelState.AddModelError(FieldSegment().Replace(field, m => m.Value.ToUpperInvariant()), problem);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(New), await WithGroupsAsync(model, cancellationToken));
        }
    }

    private async Task<NewQuizModel> WithGroupsAsync(NewQuizModel model, CancellationToken cancellationToken)
    {
        model.Groups = await quizzes.GroupsForNewAsync(User, cancellationToken);
        return model;
    }

    [HttpGet("quizzes/{id:long}")]
    public async Task<IActionResult> Quiz(long id, bool retry, CancellationToken cancellationToken) =>
        View(await PageAsync(id, retry, refused: null, cancellationToken));

    /// <summary>
    /// Scores the answers. A refused submission (a question left unanswered) draws the form again with the choices made
    /// and each problem beside its question, rather than redirecting and losing them.
    /// </summary>
    [HttpPost("quizzes/{id:long}/attempts")]
    [RedirectOnError("~/quizzes/{id}", typeof(ConflictException))]
    public async Task<IActionResult> Attempt(long id, bool showOnLeaderboard, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<long, IReadOnlyList<long>?>();
        foreach (var (key, values) in Request.HasFormContentType ? Request.Form : FormCollection.Empty)
        {
            if (key.StartsWith(AnswerField, StringComparison.Ordinal) && long.TryParse(key[AnswerField.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var questionId))
            {
                answers[questionId] = [.. values.Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var option) ? option : 0)];
            }
        }

        var input = new AttemptInput(answers, showOnLeaderboard);
        try
        {
            var result = await quizzes.SubmitAsync(User, id, input, cancellationToken);
            TempData["Message"] = (result.Passed ? T["You passed: {0} out of {1}.", result.Score, result.MaxScore] : T["Not passed this time: {0} out of {1}.", result.Score, result.MaxScore]).Value;
            return Redirect(Url.Content($"~/quizzes/{id}"));
        }
        catch (InvalidInputException invalid)
        {
            // Named as the service names them (answers.{questionId}): the form draws each beside its question.
            foreach (var (field, problem) in invalid.Errors)
            {
                ModelState.AddModelError(field, problem);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Quiz), await PageAsync(id, retry: true, input, cancellationToken));
        }
    }

    [HttpGet("quizzes/{id:long}/results")]
    public async Task<IActionResult> Results(long id, CancellationToken cancellationToken)
    {
        var quiz = await quizzes.GetAsync(User, id, cancellationToken);
        return View(new QuizResultsPageModel(quiz, await quizzes.ResultsAsync(User, id, cancellationToken)));
    }

    [HttpPost("quizzes/{id:long}/close")]
    [RedirectOnError("~/quizzes/{id}", typeof(ConflictException))]
    public async Task<IActionResult> Close(long id, CancellationToken cancellationToken)
    {
        await quizzes.CloseAsync(User, id, cancellationToken);
        TempData["Message"] = T["The quiz is closed."].Value;
        return Redirect(Url.Content($"~/quizzes/{id}"));
    }

    [HttpPost("quizzes/{id:long}/reopen")]
    [RedirectOnError("~/quizzes/{id}", typeof(InvalidInputException), typeof(ConflictException))]
    public async Task<IActionResult> Reopen(long id, CancellationToken cancellationToken)
    {
        await quizzes.ReopenAsync(User, id, null, cancellationToken);
        TempData["Message"] = T["The quiz is open again."].Value;
        return Redirect(Url.Content($"~/quizzes/{id}"));
    }

    [HttpPost("quizzes/{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        await quizzes.DeleteAsync(User, id, cancellationToken);
        TempData["Message"] = T["The quiz is deleted."].Value;
        return Redirect(Url.Content("~/quizzes"));
    }

    private async Task<QuizPageModel> PageAsync(long id, bool retry, AttemptInput? refused, CancellationToken cancellationToken)
    {
        var quiz = await quizzes.GetAsync(User, id, cancellationToken);
        var last = await quizzes.LastResultAsync(User, id, cancellationToken);
        var board = quiz.Leaderboard ? (await quizzes.LeaderboardAsync(User, id, after: null, take: null, cancellationToken)).Entries : null;
        var author = (await people.GetByIdsAsync([quiz.AuthorId], cancellationToken)).GetValueOrDefault(quiz.AuthorId)?.DisplayName ?? "";
        return new QuizPageModel(quiz, last, author, retry, board, refused);
    }

    /// <summary>A date and time field's value is in the organisation's time zone, as the pages show times.</summary>
    private async Task<DateTimeOffset?> ToUtcAsync(DateTime? local, CancellationToken cancellationToken)
    {
        if (local is not { } value)
        {
            return null;
        }

        var zone = LocalTime.Zone((await settings.GetAsync(cancellationToken)).TimeZoneId);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    /// <summary>The first letter of each segment of an API field name (<c>questions[0].options</c>), as the form's names are.</summary>
    [GeneratedRegex(@"(?<=^|\.)[a-z]")]
    private static partial Regex FieldSegment();
}
