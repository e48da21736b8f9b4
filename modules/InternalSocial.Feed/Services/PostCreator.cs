using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Writes a new post for <see cref="PostService.CreateAsync"/>: checks it, lets each target group and each review decide
/// whether its copy waits for approval, saves every copy at once, then raises the events, which carry what was submitted.
/// </summary>
internal sealed class PostCreator(
    FeedDbContext db,
    IAuthorizationService authorization,
    PostValidator validator,
    PostRenderer renderer,
    PostWriter writer,
    IPostContainerAccess groups,
    IEventBus events,
    IEnumerable<IPostSubmissionReview> reviews,
    PostAddons addons,
    IFeedChangeNotifier changes,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public async Task<PostCreated> CreateAsync(ClaimsPrincipal user, PostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.Post);
        var userId = user.GetUserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await ValidateAsync(user, input, now, cancellationToken);
        await EnsureMayPublishAsync(user, input);
        var statuses = await GroupStatusesAsync(user, draft.GroupIds, cancellationToken);
        var rendered = await renderer.RenderAsync(draft.Body, cancellationToken);
        var tags = draft.Tags.Union(rendered.Tags).ToList();

        // A module (a workflow) may hold a copy for approval before anyone sees it; a group's own rule already may.
        var heldByGroup = statuses.Where(s => s.Value == PostStatus.Pending).Select(s => s.Key).ToHashSet();
        foreach (var groupId in draft.Targets)
        {
            if (statuses.GetValueOrDefault(groupId ?? 0) != PostStatus.Pending
                && await MustHoldAsync(new PostSubmission(userId, groupId, GroupRequiresApproval: false, draft.Body, tags, input.Announcement), cancellationToken))
            {
                statuses[groupId ?? 0] = PostStatus.Pending;
            }
        }

        var posts = NewPosts(input, draft, rendered, userId, statuses, now);
        await SaveAsync(posts, draft, tags, rendered, cancellationToken);
        try
        {
            await PostAddons.AttachAsync(user, draft.Addons, posts.Select(p => p.Id), cancellationToken);
        }
        catch
        {
            // An add-on (a poll) is written by its module after the post commits, on its own connection: the post
            // must not stay without it. Nothing was announced yet, so taking the post back leaves no trace.
            await RemoveAsync(posts);
            throw;
        }

        await RaiseCreatedAsync(posts, tags, rendered, heldByGroup, cancellationToken);
        return new PostCreated(posts[0].Id, posts[0].Status, posts.Select(p => p.Id).ToList());
    }

    private async Task<PostDraft> ValidateAsync(ClaimsPrincipal user, PostInput input, DateTime now, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var errors = new Dictionary<string, string>();
        var body = validator.ValidateBody(input.Body, PostService.MaxBodyLength, errors);
        var tags = validator.ValidateTags(input.Tags, errors);
        var departments = CleanList(input.Audience?.Departments, "audience.departments", errors);
        var sites = CleanList(input.Audience?.Sites, "audience.sites", errors);
        var groupIds = input.Audience?.Groups?.Distinct().ToList() ?? [];
        var publishAt = input.PublishAt?.ToUniversalTime() ?? now;
        if (input.ExpiresAt is { } expires && expires.ToUniversalTime() <= publishAt)
        {
            errors["expiresAt"] = T["The expiry must come after the publication time."];
        }

        if (groupIds.Count > 0 && !groups.GroupsEnabled)
        {
            errors["audience.groups"] = T["Groups are not enabled in this organisation."];
        }
        else if (groupIds.Count > 0 && (departments.Count > 0 || sites.Count > 0))
        {
            errors["audience"] = T["A post goes either to groups or to departments and sites, not both."];
        }

        if (input.RequireAcknowledgement && !input.Announcement)
        {
            errors["requireAcknowledgement"] = T["Only announcements can require an acknowledgement."];
        }

        var attachments = await validator.ValidateAttachmentsAsync(input.Attachments, userId, errors, cancellationToken);
        var filled = await addons.ValidateAsync(user, input.Addons, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new PostDraft(body, tags, departments, sites, groupIds, publishAt, attachments, filled);
    }

    private async Task EnsureMayPublishAsync(ClaimsPrincipal user, PostInput input)
    {
        if (input.Announcement)
        {
            await authorization.EnsurePermissionAsync(user, Permissions.PostAnnouncements);
        }

        if (input.PinUntil is not null)
        {
            await authorization.EnsurePermissionAsync(user, Permissions.Pin);
        }
    }

    /// <summary>Each group decides for its own copy: one may publish at once while another holds the post for approval.</summary>
    private async Task<Dictionary<long, PostStatus>> GroupStatusesAsync(ClaimsPrincipal user, IReadOnlyList<long> groupIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<long, PostStatus>();
        if (groupIds.Count == 0)
        {
            // Guests post only where a group lets them.
            await authorization.EnsurePermissionAsync(user, Permissions.View);
            return statuses;
        }

        foreach (var groupId in groupIds)
        {
            var decision = await groups.CanPostToGroupAsync(user, groupId, cancellationToken);
            if (decision == GroupPostingDecision.Forbidden)
            {
                throw new PermissionDeniedException(Permissions.Post);
            }

            statuses[groupId] = decision == GroupPostingDecision.NeedsApproval ? PostStatus.Pending : PostStatus.Published;
        }

        return statuses;
    }

    private static List<Post> NewPosts(PostInput input, PostDraft draft, RenderedContent rendered, string userId, Dictionary<long, PostStatus> statuses, DateTime now)
    {
        var batchId = draft.GroupIds.Count > 1 ? Guid.NewGuid().ToString("D") : null;
        return draft.Targets.Select(groupId => new Post
        {
            AuthorId = userId,
            Body = draft.Body,
            Html = rendered.Html,
            Status = statuses.GetValueOrDefault(groupId ?? 0, PostStatus.Published),
            GroupId = groupId,
            BatchId = batchId,
            AudienceEveryone = draft.Departments.Count == 0 && draft.Sites.Count == 0,
            IsAnnouncement = input.Announcement,
            RequiresAcknowledgement = input.RequireAcknowledgement,
            PinnedUntilUtc = input.PinUntil?.ToUniversalTime(),
            PublishedUtc = draft.PublishAt,
            ExpiresUtc = input.ExpiresAt?.ToUniversalTime(),
            CreatedUtc = now,
        }).ToList();
    }

    private async Task SaveAsync(List<Post> posts, PostDraft draft, IReadOnlyList<string> tags, RenderedContent rendered, CancellationToken cancellationToken)
    {
        await using var transaction = await writer.BeginAsync(cancellationToken);
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var post in posts)
        {
            db.Audiences.AddRange(draft.Departments.Select(d => new PostAudience { PostId = post.Id, Kind = AudienceKinds.Department, Value = d }));
            db.Audiences.AddRange(draft.Sites.Select(s => new PostAudience { PostId = post.Id, Kind = AudienceKinds.Site, Value = s }));
            db.PostTags.AddRange(tags.Select(t => new PostTag { PostId = post.Id, Tag = t }));
            db.Mentions.AddRange(rendered.MentionedUserIds.Keys.Select(id => new Mention { PostId = post.Id, CommentId = 0, UserId = id }));
        }

        foreach (var attachment in draft.Attachments)
        {
            attachment.PostId = posts[0].Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes posts just saved (with what <see cref="SaveAsync"/> wrote for them); their files go back to their uploader.</summary>
    private async Task RemoveAsync(List<Post> posts)
    {
        var ids = posts.Select(p => p.Id).ToList();
        db.ChangeTracker.Clear();
        await using var transaction = await writer.BeginAsync(CancellationToken.None);
        await db.Attachments.Where(a => a.PostId != null && ids.Contains(a.PostId.Value)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PostId, (long?)null), CancellationToken.None);
        await db.Mentions.Where(m => ids.Contains(m.PostId)).ExecuteDeleteAsync(CancellationToken.None);
        await db.PostTags.Where(t => ids.Contains(t.PostId)).ExecuteDeleteAsync(CancellationToken.None);
        await db.Audiences.Where(a => ids.Contains(a.PostId)).ExecuteDeleteAsync(CancellationToken.None);
        await db.Posts.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task<bool> MustHoldAsync(PostSubmission submission, CancellationToken cancellationToken)
    {
        foreach (var review in reviews)
        {
            if (await review.MustHoldAsync(submission, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task RaiseCreatedAsync(List<Post> posts, IReadOnlyList<string> tags, RenderedContent rendered, IReadOnlySet<long> heldByGroup, CancellationToken cancellationToken)
    {
        foreach (var post in posts)
        {
            var author = post.AuthorId;
            await events.PublishAsync(
                new PostSubmitted(post.Id, author, post.GroupId, post.IsAnnouncement, post.Status == PostStatus.Pending, post.GroupId is { } g && heldByGroup.Contains(g), post.Body, tags, author),
                cancellationToken);
            if (post.Status == PostStatus.Published)
            {
                await events.PublishAsync(new PostPublished(post.Id, author, post.GroupId, post.PublishedUtc, post.IsAnnouncement), cancellationToken);
                foreach (var mentioned in rendered.MentionedUserIds.Keys.Where(id => id != author))
                {
                    await events.PublishAsync(new PersonMentioned(mentioned, post.Id, null, author), cancellationToken);
                }
            }
        }

        await changes.FeedChangedAsync(cancellationToken);
    }

    private List<string> CleanList(IReadOnlyList<string>? values, string field, Dictionary<string, string> errors)
    {
        var cleaned = (values ?? []).Select(v => v?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Any(v => v.Length is 0 or > 100))
        {
            errors[field] = T["Each value must have 1 to {0} characters.", 100];
        }
        else if (cleaned.Count > PostService.MaxAudiences)
        {
            errors[field] = T["At most {0} values.", PostService.MaxAudiences];
        }

        return cleaned;
    }
}
