using System.Net;
using System.Net.Sockets;
using InternalSocial.Kernel.Hosting;

namespace InternalSocial.Kernel.Security;

/// <summary>
/// Addresses the server is told to call by a setting (the OpenID Connect authority, the SMTP server): refused when they
/// are on this machine or a private network, so that whoever may change the setting cannot make the server reach its
/// own internal services (cloud metadata at 169.254.169.254, a database on 10.0.0.5, an admin port on 127.0.0.1).
/// <see cref="InternalSocialOptions.AllowPrivateNetworkTargets"/> lifts the rule for the whole host.
/// </summary>
public static class NetworkTargets
{
    /// <summary>
    /// Null when <paramref name="host"/> may be called; else why not, in the request's language. A name is resolved
    /// and refused when any of its addresses is private; a name that does not resolve now is let through, since
    /// nothing can be reached through it.
    /// </summary>
    public static async Task<string?> CheckAsync(string host, InternalSocialOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        if (options.AllowPrivateNetworkTargets)
        {
            return null;
        }

        var addresses = await ResolveAsync(host.Trim('[', ']'), cancellationToken);
        return addresses.Any(IsPrivate)
            ? KernelTexts.Shared["'{0}' is on this server or a private network; give a public address (the host's administrator may allow private networks).", host].Value
            : null;
    }

    /// <summary>
    /// A TCP connection to <paramref name="host"/>, made to the addresses checked here rather than to whatever the name
    /// resolves to a moment later: a setting checked when saved cannot be turned to a private address afterwards by a
    /// DNS change. Throws <see cref="IOException"/> when refused, <see cref="SocketException"/> when unreachable.
    /// </summary>
    public static async Task<Socket> ConnectAsync(string host, int port, InternalSocialOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var addresses = await ResolveAsync(host.Trim('[', ']'), cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!options.AllowPrivateNetworkTargets && addresses.Any(IsPrivate))
        {
            throw new IOException($"'{host}' resolves to an address on this server or a private network; not connecting (InternalSocial:AllowPrivateNetworkTargets is off).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP handler whose every connection goes through <see cref="ConnectAsync"/>.</summary>
    public static SocketsHttpHandler CreateHandler(InternalSocialOptions options) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
            new NetworkStream(await ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, options, cancellationToken), ownsSocket: true),
    };

    /// <summary>Loopback, unspecified, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10) or 0/8.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254);
        }

        var bytes = address.GetAddressBytes();
        return (bytes[0] & 0xFE) == 0xFC // fc00::/7, unique local
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
