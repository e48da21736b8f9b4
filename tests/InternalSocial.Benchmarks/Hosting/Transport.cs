using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace InternalSocial.Benchmarks.Hosting;

public enum Transport
{
    /// <summary>Kestrel on 127.0.0.1 and a pooled keep-alive HttpClient: what a client on this machine sees.</summary>
    Kestrel,

    /// <summary>TestServer: no sockets and no HTTP parsing, so only the ASP.NET Core pipelines are left to compare.</summary>
    InMemory,
}

internal static class TransportExtensions
{
    public static void Apply(this Transport transport, WebApplicationBuilder builder)
    {
        if (transport == Transport.InMemory)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            // Port 0: the OS picks a free port, so parallel runs and other servers on this machine do not collide.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
    }

    /// <summary>A client for the started app. Both transports are asked the same way: one shared HttpClient.</summary>
    public static HttpClient CreateClient(this Transport transport, WebApplication app)
    {
        if (transport == Transport.InMemory)
        {
            return app.GetTestClient();
        }

        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        return new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()) };
    }
}
