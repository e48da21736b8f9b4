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

public sealed record AudienceInput(IReadOnlyList<string>? Departments, IReadOnlyList<string>? Sites, IReadOnlyList<long>? Groups);

public sealed record PostInput(
    string? Body,
    IReadOnlyList<string>? Tags = null,
    AudienceInput? Audience = null,
    DateTime? PublishAt = null,
    DateTime? ExpiresAt = null,
    IReadOnlyList<long>? Attachments = null,
    bool Announcement = false,
    bool RequireAcknowledgement = false,
    DateTime? PinUntil = null);

public sealed record PostEditInput(string? Body, IReadOnlyList<string>? Tags = null, DateTime? ExpiresAt = null);

public sealed record PostCreated(long Id, PostStatus Status, IReadOnlyList<long> Ids);

/// <param name="Post">The post as readers see it: the published version while an edit waits.</param>
/// <param name="Held">The edit waits for a moderator's approval.</param>
public sealed record PostEdit(PostCard Post, bool Held);

public sealed record GroupChoice(long Id, string Name);

public sealed record RevisionView(long Id, string Body, DateTime EditedUtc, string EditedBy);

/// <summary>Writes, edits, deletes and restores posts; every check on the server, every write all-or-nothing.</summary>
public sealed class PostService(
    FeedDbContext db,
    IAuthorizationService authorization,
    FeedReaderResolver readers,
    PostVisibility visibility,
    PostCards cards,
    PostWriter writer,
    PostEditor editor,
    IPostContainerAccess groups,
    IEventBus events,
    IEnumerable<IPostSubmissionReview> reviews,
    IFeedChangeNotifier changes,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxBodyLength = 5000;
    public const int MaxTags = 10;
    public const int MaxAudiences = 50;
    public const int MaxGroupChoices = 100;

    public async Task<PostCreated> CreateAsync(ClaimsPrincipal user, PostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.Post);
        var userId = user.GetUserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>();
        var body = writer.ValidateBody(input.Body, MaxBodyLength, errors);
        var tags = writer.ValidateTags(input.Tags, errors);
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

        var attachments = await writer.ValidateAttachmentsAsync(input.Attachments, userId, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (input.Announcement)
        {
            await authorization.EnsurePermissionAsync(user, Permissions.PostAnnouncements);
        }

        if (input.PinUntil is not null)
        {
            await authorization.EnsurePermissionAsync(user, Permissions.Pin);
        }

        // Each group decides for its own copy: one may publish at once while another holds the post for approval.
        var statuses = new Dictionary<long, PostStatus>();
        if (groupIds.Count == 0)
        {
            // Guests post only where a group lets them.
            await authorization.EnsurePermissionAsync(user, Permissions.View);
        }
        else
        {
            foreach (var groupId in groupIds)
            {
                var decision = await groups.CanPostToGroupAsync(user, groupId, cancellationToken);
                if (decision == GroupPostingDecision.Forbidden)
                {
                    throw new PermissionDeniedException(Permissions.Post);
                }

                statuses[groupId] = decision == GroupPostingDecision.NeedsApproval ? PostStatus.Pending : PostStatus.Published;
            }
        }

        var rendered = await writer.RenderAsync(body, cancellationToken);

        // A module (a workflow) may hold a copy for approval before anyone sees it; a group's own rule already may.
        var heldByGroup = statuses.Where(s => s.Value == PostStatus.Pending).Select(s => s.Key).ToHashSet();
        foreach (var groupId in groupIds.Count == 0 ? [null] : groupIds.Select(g => (long?)g))
        {
            if (statuses.GetValueOrDefault(groupId ?? 0) != PostStatus.Pending
                && await MustHoldAsync(new PostSubmission(userId, groupId, GroupRequiresApproval: false, body, [.. tags.Union(rendered.Tags)], input.Announcement), cancellationToken))
            {
                statuses[groupId ?? 0] = PostStatus.Pending;
            }
        }

        var batchId = groupIds.Count > 1 ? Guid.NewGuid().ToString("D") : null;
        var posts = (groupIds.Count == 0 ? [null] : groupIds.Select(g => (long?)g)).Select(groupId => new Post
        {
            AuthorId = userId,
            Body = body,
            Html = rendered.Html,
            Status = statuses.GetValueOrDefault(groupId ?? 0, PostStatus.Published),
            GroupId = groupId,
            BatchId = batchId,
            AudienceEveryone = departments.Count == 0 && sites.Count == 0,
            IsAnnouncement = input.Announcement,
            RequiresAcknowledgement = input.RequireAcknowledgement,
            PinnedUntilUtc = input.PinUntil?.ToUniversalTime(),
            PublishedUtc = publishAt,
            ExpiresUtc = input.ExpiresAt?.ToUniversalTime(),
            CreatedUtc = now,
        }).ToList();

        await using (var transaction = await writer.BeginAsync(cancellationToken))
        {
            db.Posts.AddRange(posts);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var post in posts)
            {
                db.Audiences.AddRange(departments.Select(d => new PostAudience { PostId = post.Id, Kind = AudienceKinds.Department, Value = d }));
                db.Audiences.AddRange(sites.Select(s => new PostAudience { PostId = post.Id, Kind = AudienceKinds.Site, Value = s }));
                db.PostTags.AddRange(tags.Union(rendered.Tags).Select(t => new PostTag { PostId = post.Id, Tag = t }));
                db.Mentions.AddRange(rendered.MentionedUserIds.Keys.Select(id => new Mention { PostId = post.Id, CommentId = 0, UserId = id }));
            }

            foreach (var attachment in attachments)
            {
                attachment.PostId = posts[0].Id;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RaiseCreatedAsync(posts, rendered, userId, heldByGroup, cancellationToken);
        return new PostCreated(posts[0].Id, posts[0].Status, posts.Select(p => p.Id).ToList());
    }

    /// <summary>
    /// Shares a visible post with a comment, crediting the original (its card shows the original's author): into the
    /// organisation-wide feed, or into a group the person may post to (that group's rules apply, approval included).
    /// </summary>
    public async Task<PostCreated> RelayAsync(ClaimsPrincipal user, long postId, string? comment, long? groupId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var original = await visibility.Visible(reader).AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", postId]);
        var rootId = original.RelayOfPostId ?? original.Id;
        if (original.GroupId is not null || !original.AudienceEveryone)
        {
            // A relay goes to everyone or into a group: it must not carry a post beyond its audience.
            throw new InvalidInputException("postId", T["Only posts addressed to everyone can be relayed."]);
        }

        if (groupId is not null && !groups.GroupsEnabled)
        {
            throw new InvalidInputException("groupId", T["Groups are not enabled in this organisation."]);
        }

        var audience = groupId is { } g ? new AudienceInput(null, null, [g]) : null;
        var created = await CreateAsync(user, new PostInput(string.IsNullOrWhiteSpace(comment) ? "↪" : comment, Audience: audience), cancellationToken);
        await db.Posts.Where(p => p.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.RelayOfPostId, rootId), cancellationToken);
        await db.TouchCardsAsync([created.Id], cancellationToken);
        return created;
    }

    /// <summary>The groups the person may post to (approval or not), by name: the choices of the relay form.</summary>
    public async Task<IReadOnlyList<GroupChoice>> PostableGroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!groups.GroupsEnabled)
        {
            return [];
        }

        var ids = (await groups.GetHomeFeedGroupIdsAsync(user, cancellationToken)).Take(MaxGroupChoices).ToList();
        var postable = new List<long>();
        foreach (var id in ids)
        {
            if (await groups.CanPostToGroupAsync(user, id, cancellationToken) != GroupPostingDecision.Forbidden)
            {
                postable.Add(id);
            }
        }

        var names = postable.Count == 0 ? new Dictionary<long, string>() : await groups.GetGroupNamesAsync(postable, user, cancellationToken);
        return postable.Where(names.ContainsKey).Select(id => new GroupChoice(id, names[id])).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<PostCard> GetAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Openable(reader).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", id]);
        writer.RecordViews(reader.UserId, [post.Id]);
        return (await cards.BuildAsync(reader, [post], allComments: true, cancellationToken))[0];
    }

    /// <summary>The copy of a post sent to several groups at once the person may open, when they may not open this one.</summary>
    public async Task<long?> OpenableCopyAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        return (await visibility.OpenableCopiesAsync(reader, [id], cancellationToken)).TryGetValue(id, out var copy) ? copy : null;
    }

    /// <summary>Edits a post (<see cref="PostEditor"/>); <see cref="PostEdit.Held"/>: the edit waits for a moderator.</summary>
    public async Task<PostEdit> EditAsync(ClaimsPrincipal user, long id, PostEditInput input, CancellationToken cancellationToken)
    {
        var held = await editor.EditAsync(user, id, input, cancellationToken);
        return new PostEdit(await GetAsync(user, id, cancellationToken), held);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Openable(reader).FirstOrDefaultAsync(p => p.Id == id && p.DeletedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", id]);
        if (!PostCards.CanEdit(reader, post.AuthorId))
        {
            throw new PermissionDeniedException(Permissions.Moderate);
        }

        post.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        post.DeletedBy = reader.UserId;
        await db.SaveChangesAsync(cancellationToken);
        await changes.FeedChangedAsync(cancellationToken);
    }

    /// <summary>Moderators bring a deleted post back.</summary>
    public async Task RestoreAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Moderate);
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Openable(reader).FirstOrDefaultAsync(p => p.Id == id && p.DeletedUtc != null, cancellationToken)
            ?? throw new NotFoundException(T["No deleted post with id {0}.", id]);
        post.DeletedUtc = null;
        post.DeletedBy = null;
        await db.SaveChangesAsync(cancellationToken);
        await changes.FeedChangedAsync(cancellationToken);
    }

    /// <summary>Earlier versions of a post, newest first: for moderators.</summary>
    public async Task<IReadOnlyList<RevisionView>> HistoryAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Moderate);
        var reader = await readers.GetAsync(user, cancellationToken);
        if (!await visibility.Openable(reader).AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new NotFoundException(T["No post with id {0}.", id]);
        }

        return await db.Revisions.Where(r => r.PostId == id).OrderByDescending(r => r.Id)
            .Select(r => new RevisionView(r.Id, r.Body, r.EditedUtc, r.EditedBy)).Take(100).ToListAsync(cancellationToken);
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

    private async Task RaiseCreatedAsync(List<Post> posts, RenderedContent rendered, string userId, IReadOnlySet<long> heldByGroup, CancellationToken cancellationToken)
    {
        foreach (var post in posts)
        {
            await events.PublishAsync(new PostSubmitted(post.Id, userId, post.GroupId, post.IsAnnouncement, post.Status == PostStatus.Pending, post.GroupId is { } g && heldByGroup.Contains(g)), cancellationToken);
            if (post.Status == PostStatus.Published)
            {
                await events.PublishAsync(new PostPublished(post.Id, userId, post.GroupId, post.PublishedUtc), cancellationToken);
                foreach (var mentioned in rendered.MentionedUserIds.Keys.Where(id => id != userId))
                {
                    await events.PublishAsync(new PersonMentioned(mentioned, post.Id, null, userId), cancellationToken);
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
        else if (cleaned.Count > MaxAudiences)
        {
            errors[field] = T["At most {0} values.", MaxAudiences];
        }

        return cleaned;
    }
}
