using System.Security.Claims;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Users.Services;

/// <summary>The permissions each role holds, stored as role claims of type <see cref="ClaimType"/>, cached per tenant.</summary>
/// <remarks>
/// Every authorized request asks for the grants; the database context and role manager are resolved only when the
/// cache misses or roles change, since building them cost more than the rest of a small request (docs/benchmarks.md).
/// </remarks>
internal sealed class RolePermissions(IServiceProvider services, IMemoryCache cache)
{
    public const string ClaimType = "Permission";
    private const string CacheKey = "Users.RolePermissions";

    private UsersDbContext Db => services.GetRequiredService<UsersDbContext>();

    private RoleManager<Role> Roles => services.GetRequiredService<RoleManager<Role>>();

    private PermissionCatalog Catalog => services.GetRequiredService<PermissionCatalog>();

    /// <summary>Role name → permission names. Administrator is not listed: it holds every permission.</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<string>>> GetGrantsAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyDictionary<string, HashSet<string>>? grants) && grants is not null)
        {
            return grants;
        }

        var rows = await (
            from claim in Db.RoleClaims.AsNoTracking()
            join role in Db.Roles.AsNoTracking() on claim.RoleId equals role.Id
            where claim.ClaimType == ClaimType
            select new { role.Name, claim.ClaimValue }).ToListAsync(cancellationToken);
        grants = rows
            .GroupBy(r => r.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ClaimValue!).ToHashSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        cache.Set(CacheKey, grants, TimeSpan.FromMinutes(10));
        return grants;
    }

    /// <summary>Creates the built-in roles that do not exist yet.</summary>
    public async Task EnsureBuiltInRolesAsync()
    {
        foreach (var name in BuiltInRoles.All)
        {
            if (!await Roles.RoleExistsAsync(name))
            {
                Check(await Roles.CreateAsync(new Role(name) { Description = $"Built-in role {name}." }));
            }
        }
    }

    /// <summary>A role with its description and permission names.</summary>
    public sealed record RoleSummary(string Name, string Description, IReadOnlyList<string> Permissions);

    public async Task<IReadOnlyList<RoleSummary>> ListRolesAsync(CancellationToken cancellationToken)
    {
        var roles = await Db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await Db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == ClaimType).ToListAsync(cancellationToken);
        return roles.Select(r => new RoleSummary(
            r.Name!,
            r.Description,
            claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).ToList())).ToList();
    }

    /// <summary>
    /// Creates the role if needed, sets its description when given, and applies the permissions:
    /// "replace" sets exactly these, "add" adds them, "remove" takes them away. Null permissions leave them as they are.
    /// </summary>
    public async Task UpsertRoleAsync(string roleName, string? description, IReadOnlyList<Permission>? permissions, string behavior)
    {
        var role = await Roles.FindByNameAsync(roleName);
        if (role is null)
        {
            role = new Role(roleName) { Description = description ?? "" };
            Check(await Roles.CreateAsync(role));
        }
        else if (description is not null && description != role.Description)
        {
            role.Description = description;
            Check(await Roles.UpdateAsync(role));
        }

        if (permissions is not null)
        {
            var held = (await Roles.GetClaimsAsync(role)).Where(c => c.Type == ClaimType).ToList();
            var wanted = permissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var toRemove = behavior switch
            {
                // A disabled feature's grants are not in the caller's list: they stay for when it is enabled again.
                "replace" => held.Where(c => !wanted.Contains(c.Value) && Catalog.Find(c.Value) is not null),
                "remove" => held.Where(c => wanted.Contains(c.Value)),
                _ => [],
            };
            foreach (var claim in toRemove.ToList())
            {
                Check(await Roles.RemoveClaimAsync(role, claim));
            }

            if (behavior is "replace" or "add")
            {
                var heldNames = held.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var name in wanted.Where(n => !heldNames.Contains(n)).Order(StringComparer.Ordinal))
                {
                    Check(await Roles.AddClaimAsync(role, new Claim(ClaimType, name)));
                }
            }
        }

        cache.Remove(CacheKey);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Grants a permission when one of the user's roles holds it; Administrators hold them all.</summary>
internal sealed class RolePermissionGrantProvider(RolePermissions rolePermissions) : IPermissionGrantProvider
{
    public async Task<bool> IsGrantedAsync(ClaimsPrincipal user, Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(permission);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Contains(BuiltInRoles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var grants = await rolePermissions.GetGrantsAsync(cancellationToken);
        return roles.Any(role => grants.TryGetValue(role, out var held) && held.Contains(permission.Name));
    }
}

/// <summary>When a feature is first enabled, its default grants go to the built-in roles.</summary>
internal sealed class DefaultGrantsInstaller(RolePermissions rolePermissions, IEnumerable<IPermissionProvider> providers) : IFeatureEventHandler
{
    public async Task InstalledAsync(FeatureInfo feature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        await rolePermissions.EnsureBuiltInRolesAsync();
        foreach (var provider in providers.Where(p => p.GetType().Assembly == feature.Module.Assembly))
        {
            foreach (var stereotype in provider.GetDefaultStereotypes())
            {
                await rolePermissions.UpsertRoleAsync(stereotype.RoleName, description: null, stereotype.Permissions.ToList(), "add");
            }
        }
    }
}
