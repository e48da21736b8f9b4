using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Security;

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>Succeeds when any grant provider of the tenant grants the permission to the user.</summary>
public sealed class PermissionAuthorizationHandler(IEnumerable<IPermissionGrantProvider> grantProviders)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        foreach (var provider in grantProviders)
        {
            if (await provider.IsGrantedAsync(context.User, requirement.Permission, CancellationToken.None))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}

/// <summary>Turns the policy name "Permission:{name}" into a requirement for the permission of that name.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog permissions)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal))
        {
            var name = policyName[Permission.PolicyPrefix.Length..];
            var permission = permissions.Find(name)
                ?? throw new InvalidOperationException($"No enabled feature defines the permission '{name}'.");
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>The permissions of the tenant's enabled features.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly Lazy<IReadOnlyDictionary<string, Permission>> _byName = new(() =>
        providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name).ToDictionary(p => p.Name, StringComparer.Ordinal));

    public IReadOnlyCollection<Permission> All => (IReadOnlyCollection<Permission>)_byName.Value.Values;

    public Permission? Find(string name) => _byName.Value.GetValueOrDefault(name);

    public IEnumerable<PermissionStereotype> DefaultStereotypes => providers.SelectMany(p => p.GetDefaultStereotypes());
}

/// <summary>Limits an MVC controller or action to users holding a permission.</summary>
public sealed class RequirePermissionAttribute(string permissionName) : AuthorizeAttribute(Permission.PolicyPrefix + permissionName);

public static class PermissionExtensions
{
    public static async Task<bool> HasPermissionAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(permission);
        return (await authorization.AuthorizeAsync(user, null, new PermissionRequirement(permission))).Succeeded;
    }

    /// <summary>Throws <see cref="PermissionDeniedException"/> unless the user holds the permission. For service methods.</summary>
    public static async Task EnsurePermissionAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Permission permission)
    {
        if (!await authorization.HasPermissionAsync(user, permission))
        {
            throw new PermissionDeniedException(permission);
        }
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(permission);
        return builder.RequireAuthorization(permission.PolicyName);
    }
}

public sealed class PermissionDeniedException : Exception
{
    public PermissionDeniedException(Permission permission)
        : this(permission, $"The permission '{permission?.Name}' is required.")
    {
    }

    /// <param name="message">Why, for people: a check beyond holding <paramref name="permission"/> said no.</param>
    public PermissionDeniedException(Permission permission, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(permission);
        Permission = permission;
    }

    public Permission Permission { get; }
}
