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

/// <summary>A recipe applied to the tenant: which, when, by whom, with which variables, and how it ended.</summary>
public sealed class RecipeRun
{
    public long Id { get; set; }

    public required string RecipeName { get; set; }

    public required string FileName { get; set; }

    public DateTime RanUtc { get; set; }

    public required string RanBy { get; set; }

    /// <summary>The variables as JSON (name → value).</summary>
    public required string Variables { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }
}

public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : DbContext(options)
{
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<RecipeRun> RecipeRuns => Set<RecipeRun>();

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
        modelBuilder.Entity<RecipeRun>().ToTable("Kernel_RecipeRuns");
    }
}
