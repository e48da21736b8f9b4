using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Data;

public static class ServiceCollectionDataExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the tenant's database. Its schema comes from the module's migrations. Inside
    /// an <see cref="AmbientTransaction"/> on the same database, the context uses that connection and transaction.
    /// </summary>
    /// <remarks>
    /// The options are built once per tenant, not per request. A context whose only constructor parameter is its
    /// options is taken from a pool (a request would otherwise pay for building EF Core's internal services each
    /// time: about a tenth of a small API request, docs/benchmarks.md); one that needs other services is created
    /// per request. Inside an ambient transaction the context is always a fresh one on the transaction's connection,
    /// so that no pooled context ever keeps a connection it does not own.
    /// </remarks>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddSingleton(serviceProvider =>
        {
            var options = new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(serviceProvider);
            serviceProvider.GetRequiredService<TenantDatabase>().Configure(options);
            return options.Options;
        });
        services.AddSingleton<TenantDbContextSource<TContext>>();
        services.AddScoped(serviceProvider => serviceProvider.GetRequiredService<TenantDbContextSource<TContext>>().Create(serviceProvider));
        return services;
    }
}

/// <summary>Creates a module's contexts for one tenant: pooled when it can, on the ambient transaction when there is one.</summary>
internal sealed class TenantDbContextSource<TContext>(DbContextOptions<TContext> options, TenantDatabase database) : IDisposable
    where TContext : DbContext
{
    private readonly ObjectFactory<TContext> _factory = ActivatorUtilities.CreateFactory<TContext>([typeof(DbContextOptions<TContext>)]);

    private readonly PooledDbContextFactory<TContext>? _pool =
        typeof(TContext).GetConstructors().All(c => c.GetParameters().Length == 1) ? new PooledDbContextFactory<TContext>(options) : null;

    public TContext Create(IServiceProvider serviceProvider)
    {
        if (AmbientTransaction.For(database) is { } ambient)
        {
            var onConnection = new DbContextOptionsBuilder<TContext>(options);
            database.Configure(onConnection, ambient.Connection);
            var context = _factory(serviceProvider, [onConnection.Options]);
            context.Database.UseTransaction(ambient.Transaction);
            return context;
        }

        return _pool is not null ? _pool.CreateDbContext() : _factory(serviceProvider, [options]);
    }

    public void Dispose() => (_pool as IDisposable)?.Dispose();
}
