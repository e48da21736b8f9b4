using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>Live connections for tests: a hub of the tenant the client belongs to, with the client's bearer token.</summary>
internal static class HubClients
{
    /// <summary>Connects to <paramref name="hubPath"/> (relative to the client's tenant) over the in-memory server, started.</summary>
    public static async Task<HubConnection> ConnectAsync(HostFixture host, HttpClient client, string hubPath)
    {
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(client.BaseAddress!, hubPath), options =>
            {
                // Long polling: the test server speaks HTTP requests, not WebSockets.
                options.HttpMessageHandlerFactory = _ => host.Factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
