using Microsoft.AspNetCore.Builder;

namespace InternalSocial.Benchmarks.Hosting;

/// <summary>A started app and the client the benchmarks use on it.</summary>
public class RunningApp(WebApplication app, HttpClient client, string contentRoot) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public HttpClient Client { get; } = client;

    public IServiceProvider Services => App.Services;

    public string ContentRootPath { get; } = contentRoot;

    /// <summary>A GET that fails loudly: a benchmark of a 404 or a 500 would measure the wrong thing.</summary>
    public async Task<string> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        }

        return body;
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        ContentRoot.Delete(ContentRootPath);
        GC.SuppressFinalize(this);
    }
}
