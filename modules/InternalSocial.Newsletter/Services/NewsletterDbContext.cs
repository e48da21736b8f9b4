using InternalSocial.Newsletter.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Newsletter.Services;

internal sealed class NewsletterDbContext(DbContextOptions<NewsletterDbContext> options) : DbContext(options)
{
    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<EditionBlock> Blocks => Set<EditionBlock>();

    public DbSet<EditionAudience> Audiences => Set<EditionAudience>();

    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<EditionLink> Links => Set<EditionLink>();

    public DbSet<LinkClick> Clicks => Set<LinkClick>();

    public DbSet<OptOut> OptOuts => Set<OptOut>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Edition>().ToTable("Newsletter_Editions");
        modelBuilder.Entity<EditionBlock>().ToTable("Newsletter_Blocks").HasKey(b => new { b.EditionId, b.Position });
        modelBuilder.Entity<EditionAudience>().ToTable("Newsletter_Audiences").HasKey(a => new { a.EditionId, a.Kind, a.Value });
        modelBuilder.Entity<Recipient>().ToTable("Newsletter_Recipients");
        modelBuilder.Entity<EditionLink>().ToTable("Newsletter_Links").HasKey(l => new { l.EditionId, l.LinkIndex });
        modelBuilder.Entity<LinkClick>().ToTable("Newsletter_Clicks").HasKey(c => new { c.RecipientId, c.LinkIndex });
        modelBuilder.Entity<OptOut>().ToTable("Newsletter_OptOuts").HasKey(o => o.UserId);
    }
}
