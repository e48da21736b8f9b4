using InternalSocial.Feed.Caching;
using InternalSocial.Feed.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Turns a page of posts into cards with a constant number of queries, whatever the page size: one per kind of
/// related data (authors, reactions, my reactions, comments, comment counts, attachments, tags, acknowledgements).
/// </summary>
internal sealed class PostCards(FeedDbContext db, IPeopleLookup people, IPostContainerAccess groups, PostVisibility visibility, PostCardCache cache, ReaderCardCache readerCache, TimeProvider clock)
{
    /// <summary>Comments shown under each post in the feed; the post page shows them all.</summary>
    public const int PreviewComments = 3;

    public const int MaxComments = 500;

    public async Task<IReadOnlyList<PostCard>> BuildAsync(FeedReader reader, IReadOnlyList<Post> posts, bool allComments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0)
        {
            return [];
        }

        var ids = posts.Select(p => p.Id).ToList();
        var me = reader.UserId;
        var relayIds = posts.Where(p => p.RelayOfPostId is not null).Select(p => p.RelayOfPostId!.Value).Distinct().ToList();
        var originals = relayIds.Count == 0
            ? []
            : await visibility.Visible(reader).AsNoTracking().Where(p => relayIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        // The parts every reader sees alike: from the shared cache in the feed (checked against each post's card
        // version, read with the page), read fresh on the post's own page (all comments, with their reactions).
        var parts = allComments ? await LoadPartsAsync(posts, allComments: true, cancellationToken) : await CachedPartsAsync(posts, cancellationToken);
        var mine = await MyReactionsAsync(me, posts, cancellationToken);
        var comments = parts.Values.SelectMany(p => p.Comments).ToList();
        var commentIds = allComments ? comments.Select(c => c.Id).ToList() : [];
        var commentReactions = commentIds.Count == 0
            ? []
            : await db.CommentReactions.Where(r => commentIds.Contains(r.CommentId))
                .GroupBy(r => new { r.CommentId, r.Type })
                .Select(g => new { g.Key.CommentId, g.Key.Type, Count = g.Count() })
                .ToListAsync(cancellationToken);
        var myCommentReactions = commentIds.Count == 0
            ? []
            : await db.CommentReactions.Where(r => commentIds.Contains(r.CommentId) && r.UserId == me)
                .Select(r => new { r.CommentId, r.Type }).ToDictionaryAsync(r => r.CommentId, r => r.Type, cancellationToken);
        var ackIds = posts.Where(p => p.RequiresAcknowledgement).Select(p => p.Id).ToList();
        var acknowledged = ackIds.Count == 0
            ? []
            : (await db.Acknowledgements.Where(a => ackIds.Contains(a.PostId) && a.UserId == me).Select(a => a.PostId).ToListAsync(cancellationToken)).ToHashSet();

        var personIds = posts.Select(p => p.AuthorId).Concat(comments.Select(c => c.AuthorId)).Concat(originals.Values.Select(o => o.AuthorId))
            .Where(id => id.Length > 0).Distinct().ToList();
        var authors = await people.GetByIdsAsync(personIds, cancellationToken);
        var groupIds = posts.Where(p => p.GroupId is not null).Select(p => p.GroupId!.Value).Distinct().ToList();
        var groupNames = groupIds.Count == 0 ? new Dictionary<long, string>() : await groups.GetGroupNamesAsync(groupIds, reader.User, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var reactionsByComment = commentReactions.ToLookup(r => r.CommentId, r => new ReactionCount(r.Type, r.Count));
        return posts.Select(p =>
        {
            var part = parts[p.Id];
            return Card(
                p,
                author: Person(authors, p.AuthorId),
                groupName: p.GroupId is { } g ? groupNames.GetValueOrDefault(g) : null,
                relayed: p.RelayOfPostId is { } r && originals.TryGetValue(r, out var original) ? new RelayedView(original.Id, Person(authors, original.AuthorId), original.Html, original.PublishedUtc) : null,
                shared: part,
                comments: part.Comments.Select(c => Comment(authors, c, reader, reactionsByComment[c.Id], myCommentReactions.GetValueOrDefault(c.Id))).ToList(),
                viewer: new ViewerState(acknowledged.Contains(p.Id), mine.GetValueOrDefault(p.Id), CanEdit(reader, p.AuthorId)),
                now);
        }).ToList();
    }

    /// <summary>The reader's own state on a card: what differs from one reader to the next.</summary>
    private sealed record ViewerState(bool AcknowledgedByMe, string? MyReaction, bool CanEdit);

    /// <summary>A card from its parts: the post, its author and place, the parts every reader shares, and the reader's own state.</summary>
    private static PostCard Card(Post p, PersonView author, string? groupName, RelayedView? relayed, CardParts shared, IReadOnlyList<CommentView> comments, ViewerState viewer, DateTime now) =>
        new(
            Id: p.Id,
            Author: author,
            Html: p.Html,
            Body: p.Body,
            Status: p.Status,
            GroupId: p.GroupId,
            GroupName: groupName,
            AudienceEveryone: p.AudienceEveryone,
            IsAnnouncement: p.IsAnnouncement,
            RequiresAcknowledgement: p.RequiresAcknowledgement,
            AcknowledgedByMe: viewer.AcknowledgedByMe,
            IsPinned: p.PinnedUntilUtc > now,
            PublishedUtc: p.PublishedUtc,
            ExpiresUtc: p.ExpiresUtc,
            EditedUtc: p.EditedUtc,
            IsDeleted: p.DeletedUtc is not null,
            Tags: shared.Tags,
            Reactions: shared.Reactions,
            MyReaction: viewer.MyReaction,
            CommentCount: shared.CommentCount,
            Comments: comments,
            Attachments: shared.Attachments,
            RelayOfPostId: p.RelayOfPostId,
            Relayed: relayed,
            CanEdit: viewer.CanEdit);

    /// <summary>The reader's reactions to these posts: known ones from the reader cache, the others in one query.</summary>
    private async Task<Dictionary<long, string>> MyReactionsAsync(string me, IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        var mine = new Dictionary<long, string>();
        var missing = new List<Post>();
        foreach (var post in posts)
        {
            if (me.Length > 0 && readerCache.TryGetReaction(me, post, out var type))
            {
                if (type is not null)
                {
                    mine[post.Id] = type;
                }
            }
            else
            {
                missing.Add(post);
            }
        }

        if (missing.Count > 0)
        {
            var ids = missing.Select(p => p.Id).Distinct().ToList();
            var read = await db.PostReactions.Where(r => ids.Contains(r.PostId) && r.UserId == me)
                .Select(r => new { r.PostId, r.Type }).ToDictionaryAsync(r => r.PostId, r => r.Type, cancellationToken);
            foreach (var post in missing)
            {
                var type = read.GetValueOrDefault(post.Id);
                if (type is not null)
                {
                    mine[post.Id] = type;
                }

                // Read after the post, so at least as new as its card version: every reaction bumps that version.
                if (me.Length > 0)
                {
                    readerCache.StoreReaction(me, post, type);
                }
            }
        }

        return mine;
    }

    /// <summary>The feed's shared parts: hits from the cache, the misses read in one query per kind and cached.</summary>
    private async Task<Dictionary<long, CardParts>> CachedPartsAsync(IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<long, CardParts>(posts.Count);
        var missing = new List<Post>();
        foreach (var post in posts)
        {
            if (cache.TryGet(post, out var hit))
            {
                parts[post.Id] = hit;
            }
            else
            {
                missing.Add(post);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (id, loaded) in await LoadPartsAsync(missing, allComments: false, cancellationToken))
            {
                parts[id] = loaded;
                cache.Store(id, loaded);
            }
        }

        return parts;
    }

    /// <summary>
    /// Reads the shared parts of these posts, one query per kind. Read after the posts themselves, so the data is at
    /// least as new as the card version read with them (changes are made before their version is bumped).
    /// </summary>
    private async Task<Dictionary<long, CardParts>> LoadPartsAsync(IReadOnlyList<Post> posts, bool allComments, CancellationToken cancellationToken)
    {
        var ids = posts.Select(p => p.Id).Distinct().ToList();
        var reactions = await db.PostReactions.Where(r => ids.Contains(r.PostId))
            .GroupBy(r => new { r.PostId, r.Type })
            .Select(g => new { g.Key.PostId, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var commentCounts = await db.Comments.Where(c => ids.Contains(c.PostId) && c.DeletedUtc == null)
            .GroupBy(c => c.PostId).Select(g => new { PostId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PostId, g => g.Count, cancellationToken);
        List<Comment> comments = allComments
            ? await db.Comments.AsNoTracking().Where(c => ids.Contains(c.PostId)).OrderBy(c => c.Id).Take(MaxComments).ToListAsync(cancellationToken)
            : await db.Comments.AsNoTracking()
                .Where(c => ids.Contains(c.PostId) && c.DeletedUtc == null && c.ParentId == null
                    && db.Comments.Count(o => o.PostId == c.PostId && o.DeletedUtc == null && o.ParentId == null && o.Id > c.Id) < PreviewComments)
                .ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.PostId != null && ids.Contains(a.PostId.Value))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var tags = await db.PostTags.AsNoTracking().Where(t => ids.Contains(t.PostId)).OrderBy(t => t.Tag).ToListAsync(cancellationToken);

        var reactionsByPost = reactions.ToLookup(r => r.PostId);
        var commentsByPost = comments.ToLookup(c => c.PostId);
        var attachmentsByPost = attachments.ToLookup(a => a.PostId!.Value);
        var tagsByPost = tags.ToLookup(t => t.PostId);
        var parts = new Dictionary<long, CardParts>(ids.Count);
        foreach (var post in posts)
        {
            parts[post.Id] = new CardParts(
                post.CardVersion,
                reactionsByPost[post.Id].OrderByDescending(r => r.Count).ThenBy(r => r.Type, StringComparer.Ordinal).Select(r => new ReactionCount(r.Type, r.Count)).ToList(),
                commentCounts.GetValueOrDefault(post.Id),
                commentsByPost[post.Id].OrderBy(c => c.Id).ToList(),
                attachmentsByPost[post.Id].Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.IsImage, a.Width, a.Height)).ToList(),
                tagsByPost[post.Id].Select(t => t.Tag).ToList());
        }

        return parts;
    }

    public static bool CanEdit(FeedReader reader, string authorId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsModerator || (authorId.Length > 0 && authorId == reader.UserId);
    }

    public static PersonView Person(IReadOnlyDictionary<string, PersonSummary> people, string id)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (id.Length == 0 || !people.TryGetValue(id, out var person))
        {
            return new PersonView(id, "", ContentRenderer.FormerMember, false, true, true);
        }

        return new PersonView(person.Id, person.UserName, person.DisplayName.Length > 0 ? person.DisplayName : person.UserName, person.IsGuest, !person.IsActive, false, person.PhotoUrl);
    }

    private static CommentView Comment(IReadOnlyDictionary<string, PersonSummary> authors, Comment comment, FeedReader reader, IEnumerable<ReactionCount> reactions, string? mine)
    {
        var deleted = comment.DeletedUtc is not null;
        return new CommentView(
            comment.Id,
            comment.PostId,
            comment.ParentId,
            Person(authors, comment.AuthorId),
            deleted ? "" : comment.Html,
            comment.CreatedUtc,
            comment.EditedUtc,
            deleted,
            !deleted && CanEdit(reader, comment.AuthorId),
            deleted ? "" : comment.Body,
            deleted ? [] : reactions.OrderByDescending(r => r.Count).ThenBy(r => r.Type, StringComparer.Ordinal).ToList(),
            deleted ? null : mine);
    }
}
