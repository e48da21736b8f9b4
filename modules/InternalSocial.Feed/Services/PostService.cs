using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>Writes, edits, deletes and restores posts; every check on the server, every write all-or-nothing.</summary>
internal sealed class PostService(
    FeedDbContext db,
    IAuthorizationService authorization,
    FeedReaderResolver readers,
    PostVisibility visibility,
    PostCards cards,
    PostViews views,
    PostCreator creator,
    PostEditor editor,
    IPostContainerAccess groups,
    IFeedChangeNotifier changes,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxBodyLength = 5000;
    public const int MaxTags = 10;
    public const int MaxAudiences = 50;
    public const int MaxGroupChoices = 100;

    /// <summary>Writes a new post (<see cref="PostCreator"/>), a copy per target group; each copy may wait for approval.</summary>
    public Task<PostCreated> CreateAsync(ClaimsPrincipal user, PostInput input, CancellationToken cancellationToken) =>
        creator.CreateAsync(user, input, cancellationToken);

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
        views.Record(reader.UserId, [post.Id]);
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
}
