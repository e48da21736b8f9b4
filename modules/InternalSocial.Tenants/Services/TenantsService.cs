using System.Security.Claims;
using System.Text.RegularExpressions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Tenants.Services;

public sealed record CreateTenantInput(string? Name, string? RequestUrlPrefix, IReadOnlyList<string>? RequestUrlHosts, DatabaseProvider? DatabaseProvider, string? ConnectionString);

/// <summary>Manages the organisations hosted by this installation. Every call checks <see cref="Permissions.ManageTenants"/>.</summary>
public sealed partial class TenantsService(ShellHost shellHost, SetupService setup, IAuthorizationService authorization, TimeProvider clock)
{
    private static readonly string[] ReservedPrefixes = ["api", "admin", "account", "setup", "health", "openapi", "_content"];

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

    public async Task<ShellSettings> CreateAsync(ClaimsPrincipal user, CreateTenantInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        var prefix = input.RequestUrlPrefix?.Trim().Trim('/') ?? "";
        var hosts = (input.RequestUrlHosts ?? []).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();

        if (!NamePattern().IsMatch(name))
        {
            errors["name"] = "The name must start with a letter and contain 2 to 50 letters, digits, '-' or '_'.";
        }
        else if (shellHost.Find(name) is not null)
        {
            errors["name"] = $"A tenant named '{name}' already exists.";
        }

        if (prefix.Length == 0 && hosts.Count == 0)
        {
            errors["requestUrlPrefix"] = "Give a URL prefix, a host name, or both, so that requests can reach the tenant.";
        }
        else if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            errors["requestUrlPrefix"] = "The prefix must be 1 to 50 lower-case letters, digits or '-'.";
        }
        else if (ReservedPrefixes.Contains(prefix, StringComparer.OrdinalIgnoreCase))
        {
            errors["requestUrlPrefix"] = $"'{prefix}' is reserved; choose another prefix.";
        }
        else if (shellHost.AllSettings.Any(s => string.Equals(s.RequestUrlPrefix, prefix, StringComparison.OrdinalIgnoreCase)
            && s.RequestUrlHosts.Count == hosts.Count && s.RequestUrlHosts.All(h => hosts.Contains(h, StringComparer.OrdinalIgnoreCase))))
        {
            errors["requestUrlPrefix"] = "Another tenant already answers at this host and prefix.";
        }

        if (hosts.Any(h => Uri.CheckHostName(h.Split(':')[0]) == UriHostNameType.Unknown))
        {
            errors["requestUrlHosts"] = "Each host must be a host name, optionally with a port, such as intranet.example.com.";
        }

        if (input.DatabaseProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(input.ConnectionString))
        {
            errors["connectionString"] = "A connection string is required for PostgreSQL.";
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var settings = new ShellSettings
        {
            Name = name,
            RequestUrlPrefix = prefix,
            RequestUrlHosts = hosts,
            DatabaseProvider = input.DatabaseProvider ?? DatabaseProvider.Sqlite,
            ConnectionString = input.ConnectionString?.Trim() ?? "",
            State = TenantState.Uninitialized,
            CreatedUtc = clock.GetUtcNow(),
        };
        await shellHost.SaveSettingsAsync(settings, cancellationToken);
        return settings;
    }

    public async Task SetupAsync(ClaimsPrincipal user, SetupRequest request, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        await setup.SetupAsync(request, cancellationToken);
    }

    public async Task<ShellSettings> SetStateAsync(ClaimsPrincipal user, string name, bool enabled, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTenants);
        var settings = shellHost.Get(name);
        if (settings.IsDefault)
        {
            throw new ConflictException("The Default tenant cannot be disabled: it manages the others.");
        }

        var target = enabled ? TenantState.Running : TenantState.Disabled;
        var allowedFrom = enabled ? TenantState.Disabled : TenantState.Running;
        if (settings.State == target)
        {
            return settings;
        }

        if (settings.State != allowedFrom)
        {
            throw new ConflictException($"Tenant '{settings.Name}' is {settings.State.ToString().ToLowerInvariant()}; only a {allowedFrom.ToString().ToLowerInvariant()} tenant can be {(enabled ? "enabled" : "disabled")}.");
        }

        var updated = settings with { State = target };
        await shellHost.SaveSettingsAsync(updated, cancellationToken);
        return updated;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{1,49}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex PrefixPattern();
}
