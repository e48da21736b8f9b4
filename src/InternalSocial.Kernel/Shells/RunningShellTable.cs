using Microsoft.AspNetCore.Http;

namespace InternalSocial.Kernel.Shells;

/// <summary>
/// Matches a request to a tenant, most specific first: host and prefix, host alone, prefix alone, then the
/// tenant with neither (normally Default). Immutable: a change of settings builds a new table.
/// </summary>
public sealed class RunningShellTable(IReadOnlyList<ShellSettings> all)
{
    public IReadOnlyList<ShellSettings> All { get; } = all;

    public ShellSettings? Match(HostString host, PathString path)
    {
        var firstSegment = FirstSegment(path);
        ShellSettings? hostOnly = null, prefixOnly = null, fallback = null;
        foreach (var tenant in All)
        {
            var hasHosts = tenant.RequestUrlHosts.Count > 0;
            var hasPrefix = tenant.RequestUrlPrefix.Length > 0;
            var hostMatches = hasHosts && tenant.RequestUrlHosts.Any(h =>
                string.Equals(h, host.Value, StringComparison.OrdinalIgnoreCase) || string.Equals(h, host.Host, StringComparison.OrdinalIgnoreCase));
            var prefixMatches = hasPrefix && string.Equals(tenant.RequestUrlPrefix, firstSegment, StringComparison.OrdinalIgnoreCase);

            if (hostMatches && prefixMatches)
            {
                return tenant;
            }

            if (hostMatches && !hasPrefix)
            {
                hostOnly ??= tenant;
            }
            else if (!hasHosts && prefixMatches)
            {
                prefixOnly ??= tenant;
            }
            else if (!hasHosts && !hasPrefix)
            {
                fallback ??= tenant;
            }
        }

        return hostOnly ?? prefixOnly ?? fallback;
    }

    private static string FirstSegment(PathString path)
    {
        var value = path.Value ?? "";
        var trimmed = value.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? trimmed : trimmed[..slash];
    }
}
