using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InternalSocial.Kernel.Data;

public static class ServiceCollectionDataExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the tenant's database. Its schema comes from the module's migrations. Inside
    /// an <see cref="AmbientTransaction"/> on the same database, the context uses that connection and transaction.
    /// </summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((serviceProvider, options) =>
        {
            var database = serviceProvider.GetRequiredService<TenantDatabase>();
            if (AmbientTransaction.For(database) is { } ambient)
            {
                database.Configure(options, ambient.Connection);
            }
            else
            {
                database.Configure(options);
            }
        });
        services.Replace(ServiceDescriptor.Scoped(serviceProvider =>
        {
            var context = ActivatorUtilities.CreateInstance<TContext>(serviceProvider);
            if (AmbientTransaction.For(serviceProvider.GetRequiredService<TenantDatabase>()) is { } ambient)
            {
                context.Database.UseTransaction(ambient.Transaction);
            }

            return context;
        }));
        return services;
    }
}
