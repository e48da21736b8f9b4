using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Admin.Services;

/// <summary>The organisation's settings, for those allowed to change them.</summary>
public sealed class SettingsAdminService(SiteSettingsService settings, IAuthorizationService authorization)
{
    public async Task<SiteSettings> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageSettings);
        return await settings.GetAsync(cancellationToken);
    }

    public async Task SaveAsync(ClaimsPrincipal user, SiteSettings value, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageSettings);
        await settings.SaveAsync(value, cancellationToken);
    }
}
