using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

internal sealed class FeedDbContext(DbContextOptions<FeedDbContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostAudience> Audiences => Set<PostAudience>();

    public DbSet<PostTag> PostTags => Set<PostTag>();

    public DbSet<Mention> Mentions => Set<Mention>();

    public DbSet<PostRevision> Revisions => Set<PostRevision>();

    public DbSet<PendingEdit> PendingEdits => Set<PendingEdit>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<PostReaction> PostReactions => Set<PostReaction>();

    public DbSet<CommentReaction> CommentReactions => Set<CommentReaction>();

    public DbSet<ReactionType> ReactionTypes => Set<ReactionType>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();

    public DbSet<PostView> Views => Set<PostView>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<FeedVersion> Versions => Set<FeedVersion>();

    /// <summary>
    /// Saves, then bumps the card version of every existing post whose shared card this save changed (a comment, a tag,
    /// an attachment, a reaction, the post itself), after the change: a reader who sees the new version reads the new
    /// data. Raw SQL and bulk updates call <see cref="TouchCardsAsync"/> themselves.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = new List<object>();
        var created = new List<Post>();
        var pagesChanged = false;
        var postsChanged = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                pagesChanged |= entry.Entity is Post or Comment or PostTag or PostReaction or Attachment or PostAudience;
                postsChanged |= entry.Entity is Post or PostAudience;
                if (entry.Entity is Post post && entry.State == EntityState.Added)
                {
                    created.Add(post);
                }
                else if (entry.Entity is Post or Comment or PostTag or PostReaction or Attachment)
                {
                    changed.Add(entry.Entity);
                }
            }
        }

        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (changed.Count > 0)
        {
            // Ids read after the save: an added comment of a new post knows its post's id only now. New posts have no
            // card cached yet.
            var touched = changed.Select(e => e switch
                {
                    Post p => p.Id,
                    Comment c => c.PostId,
                    PostTag t => t.PostId,
                    PostReaction r => r.PostId,
                    Attachment a => a.PostId ?? 0,
                    _ => 0,
                })
                .Where(id => id > 0).Except(created.Select(p => p.Id)).ToList();
            if (touched.Count > 0)
            {
                await TouchCardsAsync(touched, postsChanged, cancellationToken);
                return saved;
            }
        }

        if (pagesChanged)
        {
            await BumpVersionAsync(postsChanged, cancellationToken);
        }

        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save asynchronously: the card versions are bumped by SaveChangesAsync.");

    /// <summary>
    /// Bumps these posts' card versions and the feed's version, after a change made outside a tracked save (raw SQL,
    /// bulk updates). <paramref name="postsChanged"/>: whether which posts are listed may have changed too (a post
    /// hidden, published, pinned), not only what their cards show.
    /// </summary>
    public async Task TouchCardsAsync(IReadOnlyCollection<long> postIds, bool postsChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        foreach (var chunk in postIds.Distinct().Chunk(500))
        {
            await Posts.Where(p => chunk.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CardVersion, p => p.CardVersion + 1), cancellationToken);
        }

        await BumpVersionAsync(postsChanged, cancellationToken);
    }

    /// <inheritdoc cref="TouchCardsAsync(IReadOnlyCollection{long}, bool, CancellationToken)"/>
    public Task TouchCardsAsync(IReadOnlyCollection<long> postIds, CancellationToken cancellationToken) => TouchCardsAsync(postIds, postsChanged: false, cancellationToken);

    /// <summary>
    /// Bumps the feed's version (<see cref="FeedVersion"/>) after a change to what a feed page shows, in its
    /// transaction: a kept first page read at the old version is then checked again. <paramref name="postsChanged"/>
    /// also bumps the posts' version, after which the streams of posts are read again.
    /// </summary>
    public Task<int> BumpVersionAsync(bool postsChanged, CancellationToken cancellationToken) =>
        postsChanged
            ? Versions.Where(v => v.Id == FeedVersion.SingleId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Cards, v => v.Cards + 1).SetProperty(v => v.Posts, v => v.Posts + 1), cancellationToken)
            : Versions.Where(v => v.Id == FeedVersion.SingleId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Cards, v => v.Cards + 1), cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Post>().ToTable("Feed_Posts");
        modelBuilder.Entity<PostAudience>().ToTable("Feed_PostAudiences").HasKey(a => new { a.PostId, a.Kind, a.Value });
        modelBuilder.Entity<PostTag>().ToTable("Feed_PostTags").HasKey(t => new { t.PostId, t.Tag });
        modelBuilder.Entity<Mention>().ToTable("Feed_Mentions").HasKey(m => new { m.PostId, m.CommentId, m.UserId });
        modelBuilder.Entity<PostRevision>().ToTable("Feed_PostRevisions");
        modelBuilder.Entity<PendingEdit>().ToTable("Feed_PendingEdits").HasKey(e => e.PostId);
        modelBuilder.Entity<Comment>().ToTable("Feed_Comments");
        modelBuilder.Entity<PostReaction>().ToTable("Feed_PostReactions").HasKey(r => new { r.PostId, r.UserId });
        modelBuilder.Entity<CommentReaction>().ToTable("Feed_CommentReactions").HasKey(r => new { r.CommentId, r.UserId });
        modelBuilder.Entity<ReactionType>().ToTable("Feed_ReactionTypes").HasKey(r => r.Key);
        modelBuilder.Entity<Tag>().ToTable("Feed_Tags").HasKey(t => t.Name);
        modelBuilder.Entity<Follow>().ToTable("Feed_Follows").HasKey(f => new { f.UserId, f.Kind, f.Target });
        modelBuilder.Entity<Acknowledgement>().ToTable("Feed_Acknowledgements").HasKey(a => new { a.PostId, a.UserId });
        modelBuilder.Entity<PostView>().ToTable("Feed_PostViews").HasKey(v => new { v.PostId, v.UserId });
        modelBuilder.Entity<Attachment>().ToTable("Feed_Attachments");
        modelBuilder.Entity<FeedVersion>().ToTable("Feed_Version");
    }
}
