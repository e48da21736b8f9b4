using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Controllers;

/// <summary>The feed's pages. They work without JavaScript: every action is a form post followed by a redirect.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class FeedController(
    FeedQuery feed,
    PostService posts,
    CommentService comments,
    ReactionService reactions,
    AnnouncementService announcements,
    FollowService follows,
    FeedSettingsService settings,
    AttachmentService attachments,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("feed")]
    public async Task<IActionResult> Index(string? filter, string? cursor, CancellationToken cancellationToken)
    {
        var kind = feed.ParseFilter(filter, out var tag);
        return View(await BuildAsync(kind, tag, cursor, new ComposerModel(), cancellationToken));
    }

    [HttpGet("tags/{tag}")]
    public async Task<IActionResult> Tag(string tag, string? cursor, CancellationToken cancellationToken)
    {
        if (!PostValidator.IsTag((tag ?? "").ToLowerInvariant()))
        {
            return NotFound();
        }

        var model = await BuildAsync(FeedFilter.Tag, tag!.ToLowerInvariant(), cursor, new ComposerModel { Tags = tag }, cancellationToken);
        return View(model with { TagFollowed = await follows.FollowsTagAsync(User, tag.ToLowerInvariant(), cancellationToken) });
    }

    [HttpPost("tags/{tag}/follow")]
    public async Task<IActionResult> FollowTag(string tag, bool follow, CancellationToken cancellationToken)
    {
        await follows.FollowTagAsync(User, tag, follow, cancellationToken);
        TempData["Message"] = (follow ? T["You follow #{0}.", tag] : T["You no longer follow #{0}.", tag]).Value;
        return Redirect(Url.Content($"~/tags/{Uri.EscapeDataString(tag.ToLowerInvariant())}"));
    }

    [HttpGet("posts/{id:long}")]
    public async Task<IActionResult> Post(long id, CancellationToken cancellationToken)
    {
        try
        {
            var post = await posts.GetAsync(User, id, cancellationToken);
            var canSeeStats = post.IsAnnouncement && await authorization.HasPermissionAsync(User, Permissions.PostAnnouncements);
            var stats = canSeeStats ? await announcements.StatsAsync(User, id, cancellationToken) : null;
            var canRelay = !post.IsDeleted && post.AudienceEveryone && post.GroupId is null;
            return View(new PostPageModel(
                post,
                await reactions.TypesAsync(cancellationToken),
                canSeeStats,
                stats,
                await reactions.PostPageReactorsAsync(User, id, cancellationToken),
                canRelay ? await posts.PostableGroupsAsync(User, cancellationToken) : []));
        }
        catch (NotFoundException)
        {
            return await posts.OpenableCopyAsync(User, id, cancellationToken) is { } copy
                ? Redirect(Url.Content($"~/posts/{copy}"))
                : NotFound();
        }
    }

    [HttpPost("posts")]
    [EnableRateLimiting(Startup.PostingRateLimitPolicy)]
    public async Task<IActionResult> Create([Bind(Prefix = "Composer")] ComposerModel model, string? returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            // Without the page's script, the files come with the form; with it, they were uploaded already.
            foreach (var file in Request.HasFormContentType ? Request.Form.Files.GetFiles("Composer.Files") : [])
            {
                if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
                {
                    continue;
                }

                await using var stream = file.OpenReadStream();
                // Kept on the model at once: after a refused file, those already stored are listed again.
                model.Attachments.Add((await attachments.UploadAsync(User, file.FileName, stream, file.Length, cancellationToken)).Id);
            }

            model.Addons = Request.HasFormContentType ? PostAddons.FromForm(Request.Form) : null;
            var departments = Split(model.Departments, ',');
            var input = new PostInput(
                model.Body,
                Split(model.Tags, ' '),
                departments.Count == 0 ? null : new AudienceInput(departments, null, null),
                model.PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
                model.ExpiresAt is { } ex ? DateTime.SpecifyKind(ex, DateTimeKind.Utc) : null,
                model.Attachments,
                model.Announcement,
                model.RequireAcknowledgement,
                Addons: model.Addons);
            await posts.CreateAsync(User, input, cancellationToken);
            TempData["Message"] = T["Your post is published."].Value;
            return LocalRedirect(SafeReturn(returnUrl));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, prefix: "Composer.");
            model.Uploaded = await attachments.PendingAsync(User, model.Attachments, cancellationToken);
            model.Attachments = model.Uploaded.Select(a => a.Id).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await BuildAsync(FeedFilter.All, null, null, model, cancellationToken));
        }
    }

    [HttpGet("posts/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken)
    {
        var post = await posts.GetAsync(User, id, cancellationToken);
        return post.CanEdit ? View(new EditPostModel { Id = id, Body = post.Body }) : Forbid();
    }

    [HttpPost("posts/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, EditPostModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var edit = await posts.EditAsync(User, id, new PostEditInput(model.Body, null), cancellationToken);
            TempData["Message"] = edit.Held ? T["Your edit waits for a moderator's approval; until then everyone sees the post as it was."].Value : T["Post updated."].Value;
            return Redirect(Url.Content($"~/posts/{id}"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            model.Id = id;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }
    }

    [HttpPost("posts/{id:long}/delete")]
    public Task<IActionResult> Delete(long id, CancellationToken cancellationToken) =>
        Act(() => posts.DeleteAsync(User, id, cancellationToken), T["Post deleted."], "~/feed");

    [HttpPost("posts/{id:long}/restore")]
    public Task<IActionResult> Restore(long id, CancellationToken cancellationToken) =>
        Act(() => posts.RestoreAsync(User, id, cancellationToken), T["Post restored."], $"~/posts/{id}");

    [HttpPost("posts/{id:long}/comments")]
    public Task<IActionResult> Comment(long id, string? body, long? parentId, CancellationToken cancellationToken) =>
        Act(() => comments.AddAsync(User, id, new CommentInput(body, parentId), cancellationToken), T["Comment added."], $"~/posts/{id}");

    [HttpPost("comments/{id:long}/delete")]
    public async Task<IActionResult> DeleteComment(long id, CancellationToken cancellationToken)
    {
        var postId = await comments.PostIdOfAsync(User, id, cancellationToken);
        return await Act(() => comments.DeleteAsync(User, id, cancellationToken), T["Comment deleted."], $"~/posts/{postId}#comments-title");
    }

    [HttpPost("comments/{id:long}/edit")]
    public async Task<IActionResult> EditComment(long id, string? body, CancellationToken cancellationToken)
    {
        var postId = await comments.PostIdOfAsync(User, id, cancellationToken);
        return await Act(() => comments.EditAsync(User, id, body, cancellationToken), T["Comment updated."], $"~/posts/{postId}#comment-{id}");
    }

    [HttpPost("comments/{id:long}/react")]
    public async Task<IActionResult> ReactToComment(long id, string? type, CancellationToken cancellationToken)
    {
        var postId = await comments.PostIdOfAsync(User, id, cancellationToken);
        return await Act(() => reactions.ReactToCommentAsync(User, id, type, cancellationToken), null, $"~/posts/{postId}#comment-{id}");
    }

    [HttpPost("comments/{id:long}/unreact")]
    public async Task<IActionResult> UnreactComment(long id, CancellationToken cancellationToken)
    {
        var postId = await comments.PostIdOfAsync(User, id, cancellationToken);
        return await Act(() => reactions.RemoveFromCommentAsync(User, id, cancellationToken), null, $"~/posts/{postId}#comment-{id}");
    }

    [HttpPost("posts/{id:long}/react")]
    public Task<IActionResult> React(long id, string? type, string? returnUrl, CancellationToken cancellationToken) =>
        Act(() => reactions.ReactToPostAsync(User, id, type, cancellationToken), null, SafeReturn(returnUrl, $"~/posts/{id}"));

    [HttpPost("posts/{id:long}/unreact")]
    public Task<IActionResult> Unreact(long id, string? returnUrl, CancellationToken cancellationToken) =>
        Act(() => reactions.RemoveFromPostAsync(User, id, cancellationToken), null, SafeReturn(returnUrl, $"~/posts/{id}"));

    [HttpPost("posts/{id:long}/acknowledge")]
    public Task<IActionResult> Acknowledge(long id, string? returnUrl, CancellationToken cancellationToken) =>
        Act(() => announcements.AcknowledgeAsync(User, id, cancellationToken), T["Thank you: your acknowledgement is recorded."], SafeReturn(returnUrl, $"~/posts/{id}"));

    [HttpPost("posts/{id:long}/remind")]
    public Task<IActionResult> Remind(long id, CancellationToken cancellationToken) =>
        Act(() => announcements.RemindAsync(User, id, cancellationToken), T["A reminder will be sent to those who have not acknowledged."], $"~/posts/{id}");

    [HttpPost("posts/{id:long}/relay")]
    [RedirectOnError("~/posts/{id}", typeof(InvalidInputException))]
    public async Task<IActionResult> Relay(long id, string? comment, long? groupId, CancellationToken cancellationToken)
    {
        try
        {
            var created = await posts.RelayAsync(User, id, comment, groupId, cancellationToken);
            if (groupId is not { } g)
            {
                TempData["Message"] = T["Post relayed to the feed."].Value;
                return Redirect(Url.Content("~/feed"));
            }

            var name = (await posts.PostableGroupsAsync(User, cancellationToken)).FirstOrDefault(c => c.Id == g)?.Name ?? "";
            TempData["Message"] = (created.Status == Models.PostStatus.Pending
                ? T["Post relayed to {0}; it appears there once a moderator of the group approves it.", name]
                : T["Post relayed to {0}.", name]).Value;
            return Redirect(Url.Content($"~/posts/{id}"));
        }
        catch (PermissionDeniedException)
        {
            // The access-denied page, as for the feed's other buttons, rather than the filter's bare 403.
            return Forbid();
        }
    }

    private static List<string> Split(string? value, char separator) =>
        (value ?? "").Split([separator, ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private string SafeReturn(string? returnUrl, string fallback = "~/feed") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content(fallback);

    /// <summary>
    /// A button's action: back to <paramref name="redirect"/> with its message, or with the problem. It keeps its own
    /// catch because the address is computed per request (the comment's post, a return URL), which an attribute cannot name,
    /// and because a refusal goes to the access-denied page.
    /// </summary>
    private async Task<IActionResult> Act(Func<Task> action, LocalizedString? done, string redirect)
    {
        try
        {
            await action();
            if (done is not null)
            {
                TempData["Message"] = done.Value;
            }
        }
        catch (InvalidInputException invalid)
        {
            TempData["Error"] = string.Join(" ", invalid.Errors.Values);
        }
        catch (PermissionDeniedException)
        {
            return Forbid();
        }

        return LocalRedirect(redirect.StartsWith('~') ? Url.Content(redirect) : redirect);
    }

    private async Task<FeedViewModel> BuildAsync(FeedFilter filter, string? tag, string? cursor, ComposerModel composer, CancellationToken cancellationToken)
    {
        var page = await feed.GetAsync(User, filter, tag, cursor, null, cancellationToken);
        var guidance = (await settings.GetAsync(cancellationToken)).EditorialGuidance;
        return new FeedViewModel(page, filter, tag, guidance, await reactions.TypesAsync(cancellationToken), composer, TagFollowed: false);
    }
}
