using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Tenants.Services;

/// <summary>Manages the organisations hosted by this installation. Every call checks <see cref="Permissions.ManageTenants"/>.</summary>
internal sealed class TenantsService(ShellHost shellHost, TenantManager tenants, SetupService setup, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<ShellSettings>> ListAsync(ClaimsPrincipal user)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        return shellHost.AllSettings.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<ShellSettings> GetAsync(ClaimsPrincipal user, string name)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        return shellHost.Get(name);
    }

    public async Task<ShellSettings> CreateAsync(ClaimsPrincipal user, NewTenant input, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        return await tenants.CreateAsync(input, cancellationToken);
    }

    public async Task SetupAsync(ClaimsPrincipal user, SetupRequest request, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        await setup.SetupAsync(request, cancellationToken);
    }

    public async Task<ShellSettings> SetEnabledAsync(ClaimsPrincipal user, string name, bool enabled, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        return await tenants.SetEnabledAsync(name, enabled, cancellationToken);
    }
}
