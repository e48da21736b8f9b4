using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Shells;

public sealed record NewTenant(string? Name, string? RequestUrlPrefix, IReadOnlyList<string>? RequestUrlHosts, DatabaseProvider? DatabaseProvider, string? ConnectionString);

/// <summary>
/// Creates tenants and switches them on and off, for the Tenants module and the command line alike. Callers check
/// permissions; this class checks the input.
/// </summary>
public sealed partial class TenantManager(ShellHost shellHost, TimeProvider clock, IStringLocalizer<KernelResources> T)
{
    /// <summary>First path segments the host or every tenant uses; a tenant prefix cannot take them.</summary>
    private static readonly string[] ReservedPrefixes = ["api", "admin", "account", "setup", "health", "openapi", "_content"];

    /// <exception cref="InvalidInputException">Naming every bad field; nothing is saved then.</exception>
    public async Task<ShellSettings> CreateAsync(NewTenant input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name?.Trim() ?? "";
        var prefix = input.RequestUrlPrefix?.Trim().Trim('/') ?? "";
        var hosts = (input.RequestUrlHosts ?? []).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();
        var errors = new Dictionary<string, string>();

        if (!NamePattern().IsMatch(name))
        {
            errors["name"] = T["The name must start with a letter and contain 2 to 50 letters, digits, '-' or '_'."];
        }
        else if (shellHost.Find(name) is not null)
        {
            errors["name"] = T["A tenant named '{0}' already exists.", name];
        }

        if (AddressProblem(prefix, hosts) is { } addressProblem)
        {
            errors["requestUrlPrefix"] = addressProblem;
        }

        if (hosts.Any(h => Uri.CheckHostName(h.Split(':')[0]) == UriHostNameType.Unknown))
        {
            errors["requestUrlHosts"] = T["Each host must be a host name, optionally with a port, such as intranet.example.com."];
        }

        if (input.DatabaseProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(input.ConnectionString))
        {
            errors["connectionString"] = T["A connection string is required for PostgreSQL."];
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
            SetupToken = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
        };
        await shellHost.SaveSettingsAsync(settings, cancellationToken);
        return settings;
    }

    /// <summary>Why requests could not reach the tenant at this prefix and these hosts; null when they can.</summary>
    private string? AddressProblem(string prefix, List<string> hosts)
    {
        if (prefix.Length == 0 && hosts.Count == 0)
        {
            return T["Give a URL prefix, a host name, or both, so that requests can reach the tenant."];
        }

        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            return T["The prefix must be 1 to 50 lower-case letters, digits or '-'."];
        }

        if (ReservedPrefixes.Contains(prefix, StringComparer.OrdinalIgnoreCase))
        {
            return T["'{0}' is reserved; choose another prefix.", prefix];
        }

        if (shellHost.AllSettings.Any(s => string.Equals(s.RequestUrlPrefix, prefix, StringComparison.OrdinalIgnoreCase)
            && s.RequestUrlHosts.Count == hosts.Count && s.RequestUrlHosts.All(h => hosts.Contains(h, StringComparer.OrdinalIgnoreCase))))
        {
            return T["Another tenant already answers at this host and prefix."];
        }

        return null;
    }

    /// <summary>Disables a running tenant (its address answers 404) or enables a disabled one. The Default tenant stays on.</summary>
    public async Task<ShellSettings> SetEnabledAsync(string name, bool enabled, CancellationToken cancellationToken)
    {
        var settings = shellHost.Get(name);
        if (settings.IsDefault)
        {
            throw new ConflictException(T["The Default tenant cannot be disabled: it manages the others."]);
        }

        var target = enabled ? TenantState.Running : TenantState.Disabled;
        var allowedFrom = enabled ? TenantState.Disabled : TenantState.Running;
        if (settings.State == target)
        {
            return settings;
        }

        if (settings.State != allowedFrom)
        {
            throw new ConflictException(enabled
                ? T["Tenant '{0}' is {1}; only a disabled tenant can be enabled.", settings.Name, T.StateText(settings.State)]
                : T["Tenant '{0}' is {1}; only a running tenant can be disabled.", settings.Name, T.StateText(settings.State)]);
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
