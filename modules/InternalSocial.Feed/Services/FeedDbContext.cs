using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

public sealed class FeedDbContext(DbContextOptions<FeedDbContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostAudience> Audiences => Set<PostAudience>();

    public DbSet<PostTag> PostTags => Set<PostTag>();

    public DbSet<Mention> Mentions => Set<Mention>();

    public DbSet<PostRevision> Revisions => Set<PostRevision>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<PostReaction> PostReactions => Set<PostReaction>();

    public DbSet<CommentReaction> CommentReactions => Set<CommentReaction>();

    public DbSet<ReactionType> ReactionTypes => Set<ReactionType>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();

    public DbSet<PostView> Views => Set<PostView>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Post>().ToTable("Feed_Posts");
        modelBuilder.Entity<PostAudience>().ToTable("Feed_PostAudiences").HasKey(a => new { a.PostId, a.Kind, a.Value });
        modelBuilder.Entity<PostTag>().ToTable("Feed_PostTags").HasKey(t => new { t.PostId, t.Tag });
        modelBuilder.Entity<Mention>().ToTable("Feed_Mentions").HasKey(m => new { m.PostId, m.CommentId, m.UserId });
        modelBuilder.Entity<PostRevision>().ToTable("Feed_PostRevisions");
        modelBuilder.Entity<Comment>().ToTable("Feed_Comments");
        modelBuilder.Entity<PostReaction>().ToTable("Feed_PostReactions").HasKey(r => new { r.PostId, r.UserId });
        modelBuilder.Entity<CommentReaction>().ToTable("Feed_CommentReactions").HasKey(r => new { r.CommentId, r.UserId });
        modelBuilder.Entity<ReactionType>().ToTable("Feed_ReactionTypes").HasKey(r => r.Key);
        modelBuilder.Entity<Tag>().ToTable("Feed_Tags").HasKey(t => t.Name);
        modelBuilder.Entity<Follow>().ToTable("Feed_Follows").HasKey(f => new { f.UserId, f.Kind, f.Target });
        modelBuilder.Entity<Acknowledgement>().ToTable("Feed_Acknowledgements").HasKey(a => new { a.PostId, a.UserId });
        modelBuilder.Entity<PostView>().ToTable("Feed_PostViews").HasKey(v => new { v.PostId, v.UserId });
        modelBuilder.Entity<Attachment>().ToTable("Feed_Attachments");
    }
}
