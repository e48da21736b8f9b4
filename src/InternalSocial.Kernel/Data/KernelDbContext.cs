using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Kernel.Data;

/// <summary>A loosely shaped record the kernel and modules keep as JSON: the shell descriptor, site settings.</summary>
public sealed class DocumentRecord
{
    public required string Id { get; set; }

    public required string Content { get; set; }

    /// <summary>Incremented on each save; a concurrent save of an older version fails.</summary>
    public int Version { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : DbContext(options)
{
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public static KernelDbContext Create(TenantDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = new DbContextOptionsBuilder<KernelDbContext>();
        database.Configure(builder);
        return new KernelDbContext(builder.Options);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var document = modelBuilder.Entity<DocumentRecord>();
        document.ToTable("Kernel_Documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Version).IsConcurrencyToken();
    }
}
