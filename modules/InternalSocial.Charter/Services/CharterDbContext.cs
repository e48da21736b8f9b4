using InternalSocial.Charter.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

internal sealed class CharterDbContext(DbContextOptions<CharterDbContext> options) : DbContext(options)
{
    public DbSet<CharterVersion> Versions => Set<CharterVersion>();

    public DbSet<CharterText> Texts => Set<CharterText>();

    public DbSet<CharterAcceptance> Acceptances => Set<CharterAcceptance>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CharterVersion>(version =>
        {
            version.ToTable("Charter_Versions");
            version.HasMany(v => v.Texts).WithOne().HasForeignKey(t => t.VersionId);
        });
        modelBuilder.Entity<CharterText>(text =>
        {
            text.ToTable("Charter_Texts");
            text.HasKey(t => new { t.VersionId, t.Language });
        });
        modelBuilder.Entity<CharterAcceptance>().ToTable("Charter_Acceptances");
    }
}
