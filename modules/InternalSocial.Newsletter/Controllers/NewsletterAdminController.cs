using System.Globalization;
using System.Text.RegularExpressions;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Newsletter.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Controllers;

/// <summary>
/// The newsletter in the administration. Every action goes through <see cref="EditionService"/> or <see cref="EditionSender"/>, which check
/// <c>Newsletter.Manage</c> first: people without it get a 403 page.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed partial class NewsletterAdminController(EditionService editions, EditionSender sender, IPostExcerpts posts, IStringLocalizer<ModuleResources> T) : Controller
{
    /// <summary>Empty rows offered under the blocks, to add posts and texts without scripts.</summary>
    public const int EmptyRows = 3;

    [HttpGet("admin/newsletter")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editions.ListAsync(User, cancellationToken));

    [HttpGet("admin/newsletter/new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormPageAsync(null, WithEmptyRows(new EditionForm { Audience = "everyone" }), cancellationToken));

    [HttpPost("admin/newsletter/new")]
    public async Task<IActionResult> CreatePost(EditionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (input, rows) = ToInput(form);
        if (ModelState.IsValid)
        {
            try
            {
                var id = await editions.CreateAsync(User, input, cancellationToken);
                TempData["Message"] = T["Draft saved."].Value;
                return Redirect($"~/admin/newsletter/{id}");
            }
            catch (InvalidInputException invalid)
            {
                AddErrors(invalid, rows);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await FormPageAsync(null, WithEmptyRows(form), cancellationToken));
    }

    [HttpGet("admin/newsletter/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        View(new EditionPage(await editions.GetAsync(User, id, cancellationToken)));

    [HttpGet("admin/newsletter/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken)
    {
        var edition = await editions.GetAsync(User, id, cancellationToken);
        if (edition.Status != nameof(Models.EditionStatus.Draft))
        {
            return Redirect($"~/admin/newsletter/{id}");
        }

        var form = new EditionForm
        {
            Title = edition.Title,
            Intro = edition.Intro,
            Blocks = [.. edition.Blocks.Select((b, i) => new BlockRow { Post = b.PostId?.ToString(CultureInfo.InvariantCulture), Text = b.Text, Position = i + 1 })],
            Audience = edition.Audience.Everyone ? "everyone" : "chosen",
            Departments = string.Join(", ", edition.Audience.Departments),
            Sites = string.Join(", ", edition.Audience.Sites),
            Groups = [.. edition.Audience.Groups.Select(g => g.Id)],
        };
        return View(await FormPageAsync(id, WithEmptyRows(form), cancellationToken));
    }

    [HttpPost("admin/newsletter/{id:long}/edit")]
    [RedirectOnError("~/admin/newsletter/{id}", typeof(ConflictException))]
    public async Task<IActionResult> EditPost(long id, EditionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (input, rows) = ToInput(form);
        if (ModelState.IsValid)
        {
            try
            {
                await editions.UpdateAsync(User, id, input, cancellationToken);
                TempData["Message"] = T["Draft saved."].Value;
                return Redirect($"~/admin/newsletter/{id}");
            }
            catch (InvalidInputException invalid)
            {
                AddErrors(invalid, rows);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await FormPageAsync(id, WithEmptyRows(form), cancellationToken));
    }

    [HttpGet("admin/newsletter/{id:long}/preview")]
    [RedirectOnError("~/admin/newsletter/{id}", typeof(InvalidInputException))]
    public async Task<IActionResult> Preview(long id, string? culture, CancellationToken cancellationToken)
    {
        var edition = await editions.GetAsync(User, id, cancellationToken);
        return View(new PreviewPage(id, edition.Title, await editions.PreviewAsync(User, id, culture, cancellationToken)));
    }

    /// <summary>The mail's HTML alone, as a mail client shows it: its inline styles are allowed here, and nothing else (no script, sandboxed).</summary>
    [HttpGet("admin/newsletter/{id:long}/preview/mail")]
    public async Task<IActionResult> PreviewMail(long id, string? culture, CancellationToken cancellationToken)
    {
        var preview = await editions.PreviewAsync(User, id, culture, cancellationToken);
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'none'; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";
        return Content(preview.Html, "text/html; charset=utf-8");
    }

    [HttpPost("admin/newsletter/{id:long}/test")]
    [RedirectOnError("~/admin/newsletter/{id}", typeof(InvalidInputException))]
    public async Task<IActionResult> SendTest(long id, CancellationToken cancellationToken)
    {
        var address = await sender.SendTestAsync(User, id, cancellationToken);
        TempData["Message"] = T["A test e-mail to {0} is in the outbox.", address].Value;
        return Redirect($"~/admin/newsletter/{id}");
    }

    [HttpPost("admin/newsletter/{id:long}/send")]
    [RedirectOnError("~/admin/newsletter/{id}", typeof(InvalidInputException), typeof(ConflictException))]
    public async Task<IActionResult> Send(long id, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(User, id, cancellationToken);
        TempData["Message"] = T.Plural(result.Recipients, "Sending to 1 person: the e-mail is in the outbox.", "Sending to {0} people: the e-mails are being queued in the outbox.").Value;
        return Redirect($"~/admin/newsletter/{id}");
    }

    private async Task<EditionFormPage> FormPageAsync(long? id, EditionForm form, CancellationToken cancellationToken)
    {
        var choices = await editions.GroupChoicesAsync(User, cancellationToken);
        var recent = await editions.RecentPostsAsync(User, posts, cancellationToken);
        return new EditionFormPage(id, form, choices, choices.Count > 0 || form.Groups.Count > 0, recent);
    }

    private static EditionForm WithEmptyRows(EditionForm form)
    {
        form.Blocks = [.. form.Blocks.Where(b => !b.Remove && (!string.IsNullOrWhiteSpace(b.Post) || !string.IsNullOrWhiteSpace(b.Text)))];
        var next = form.Blocks.Count == 0 ? 1 : form.Blocks.Max(b => b.Position ?? 0) + 1;
        for (var i = 0; i < EmptyRows; i++)
        {
            form.Blocks.Add(new BlockRow { Position = next + i });
        }

        return form;
    }

    /// <summary>The form as the service's input, and for each block given to the service the form row it came from.</summary>
    private (EditionInput Input, List<int> Rows) ToInput(EditionForm form)
    {
        var ordered = form.Blocks.Select((row, index) => (row, index))
            .Where(r => !r.row.Remove && (!string.IsNullOrWhiteSpace(r.row.Post) || !string.IsNullOrWhiteSpace(r.row.Text)))
            .OrderBy(r => r.row.Position ?? int.MaxValue).ThenBy(r => r.index).ToList();
        var blocks = new List<BlockInput>();
        var rows = new List<int>();
        foreach (var (row, index) in ordered)
        {
            long? postId = null;
            if (!string.IsNullOrWhiteSpace(row.Post))
            {
                if (PostReference().Match(row.Post.Trim()) is { Success: true } match && long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed))
                {
                    postId = parsed;
                }
                else
                {
                    ModelState.AddModelError($"Blocks[{index}].Post", T["Give the post's number or its link (…/posts/42)."]);
                    continue;
                }
            }

            blocks.Add(new BlockInput(postId, row.Text));
            rows.Add(index);
        }

        static List<string> Split(string? value) => [.. (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var everyone = form.Audience != "chosen";
        var audience = everyone
            ? new EditionAudienceInput(true, null, null, null)
            : new EditionAudienceInput(false, Split(form.Departments), Split(form.Sites), form.Groups);
        return (new EditionInput(form.Title, form.Intro, blocks, audience), rows);
    }

    private void AddErrors(InvalidInputException invalid, List<int> rows)
    {
        foreach (var (field, problem) in invalid.Errors)
        {
            var key = field switch
            {
                "title" => "Title",
                "intro" => "Intro",
                "audience.departments" => "Departments",
                "audience.sites" => "Sites",
                _ when field.StartsWith("audience", StringComparison.Ordinal) => "Audience",
                _ when BlockField().Match(field) is { Success: true } block && int.Parse(block.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < rows.Count =>
                    $"Blocks[{rows[i]}].{(block.Groups[2].Value == ".text" ? "Text" : "Post")}",
                _ => "",
            };
            ModelState.AddModelError(key, problem);
        }
    }

    [GeneratedRegex(@"^(?:.*/posts/)?(\d{1,18})/?$")]
    private static partial Regex PostReference();

    [GeneratedRegex(@"^blocks\[(\d+)\](\.\w+)?$")]
    private static partial Regex BlockField();
}
