using InternalSocial.QuickLinks.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.QuickLinks.Services;

internal sealed class QuickLinksDbContext(DbContextOptions<QuickLinksDbContext> options) : DbContext(options)
{
    public DbSet<QuickLink> Links => Set<QuickLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<QuickLink>().ToTable("QuickLinks_Links");
}
