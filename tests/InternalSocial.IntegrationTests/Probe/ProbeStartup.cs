using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

public sealed class ProbeNote
{
    public long Id { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    public DbSet<ProbeNote> Notes => Set<ProbeNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<ProbeNote>().ToTable("Probe_Notes");
}

/// <summary>Identifies the shell that served a request, so tests can tell old shells from new ones.</summary>
public sealed class ShellIdentity
{
    public Guid Id { get; } = Guid.NewGuid();
}

public sealed class ProbeStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<ProbeDbContext>();
        services.AddSingleton<ShellIdentity>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeStepHandler, ProbeRecipeStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/probe/slow", async (int ms, ShellIdentity shell, CancellationToken cancellationToken) =>
        {
            await Task.Delay(ms, cancellationToken);
            return TypedResults.Ok(shell.Id);
        });
        endpoints.MapPost("/probe/notes", async (string text, ProbeDbContext db, CancellationToken cancellationToken) =>
        {
            db.Notes.Add(new ProbeNote { Text = text, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok();
        });
        endpoints.MapGet("/probe/notes", async (ProbeDbContext db, CancellationToken cancellationToken) =>
            TypedResults.Ok(await db.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(cancellationToken)));
    }
}

[ForFeature("InternalSocial.Probe.Dependent")]
public sealed class ProbeDependentStartup : ModuleStartup
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/probe/dependent", () => TypedResults.Ok("dependent"));
}
