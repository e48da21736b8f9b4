using System.Net;
using System.Net.Sockets;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;

namespace InternalSocial.Kernel.Tests;

/// <summary>The addresses a setting may not make the server call, checked when saved and again at each connection.</summary>
public sealed class NetworkTargetsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.1.2.3")]
    public void Loopback_private_and_link_local_addresses_are_private(string address) =>
        Assert.True(NetworkTargets.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.0.113.25")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public void Public_addresses_are_not(string address) =>
        Assert.False(NetworkTargets.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public async Task A_connection_to_a_private_address_is_refused_at_connect_time_unless_the_host_allows_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        await Assert.ThrowsAsync<IOException>(() => NetworkTargets.ConnectAsync("localhost", port, new InternalSocialOptions(), CancellationToken.None));
        Assert.NotNull(await NetworkTargets.CheckAsync("127.0.0.1", new InternalSocialOptions(), CancellationToken.None));

        var allowed = new InternalSocialOptions { AllowPrivateNetworkTargets = true };
        using var socket = await NetworkTargets.ConnectAsync("127.0.0.1", port, allowed, CancellationToken.None);
        Assert.True(socket.Connected);
        Assert.Null(await NetworkTargets.CheckAsync("127.0.0.1", allowed, CancellationToken.None));
    }
}
