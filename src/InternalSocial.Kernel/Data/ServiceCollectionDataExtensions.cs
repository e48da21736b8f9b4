using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Data;

public static class ServiceCollectionDataExtensions
{
    /// <summary>Registers a module's DbContext on the tenant's database. Its schema comes from the module's migrations.</summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddDbContext<TContext>((serviceProvider, options) =>
            serviceProvider.GetRequiredService<TenantDatabase>().Configure(options));
}
