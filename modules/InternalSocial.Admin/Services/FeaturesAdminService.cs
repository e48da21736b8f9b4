using System.Security.Claims;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Admin.Services;

/// <summary>The organisation's features, for those allowed to manage them. Checks the permission on every call.</summary>
internal sealed class FeaturesAdminService(FeatureManager features, ShellSettings shell, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<FeatureState>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageFeatures);
        return await features.GetFeaturesAsync(shell.Name, cancellationToken);
    }

    public async Task<IReadOnlyList<FeatureInfo>> EnableAsync(ClaimsPrincipal user, string featureId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageFeatures);
        return await features.EnableAsync(shell.Name, [featureId], cancellationToken);
    }

    public async Task<IReadOnlyList<FeatureInfo>> DisableAsync(ClaimsPrincipal user, string featureId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageFeatures);
        return await features.DisableAsync(shell.Name, [featureId], cancellationToken);
    }
}
