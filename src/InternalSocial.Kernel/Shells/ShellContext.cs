using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Shells;

/// <summary>
/// A running tenant: its container and request pipeline, built for one set of features. When features change a
/// new shell replaces it; the old one is released and disposed once its last request has finished.
/// </summary>
public sealed class ShellContext : IAsyncDisposable
{
    private int _activeRequests;
    private int _released;
    private int _disposed;

    public ShellContext(ShellSettings settings, IReadOnlyList<FeatureInfo> features, ServiceProvider services)
    {
        Settings = settings;
        Features = features;
        Services = services;
    }

    public ShellSettings Settings { get; }

    /// <summary>The features this shell was built with, in dependency order.</summary>
    public IReadOnlyList<FeatureInfo> Features { get; }

    public ServiceProvider Services { get; }

    public RequestDelegate Pipeline { get; internal set; } = _ => Task.CompletedTask;

    public bool IsReleased => Volatile.Read(ref _released) == 1;

    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    public int ActiveRequests => Volatile.Read(ref _activeRequests);

    /// <summary>Counts a request in. False when the shell was released meanwhile: ask the host for the new one.</summary>
    public bool TryAcquire()
    {
        Interlocked.Increment(ref _activeRequests);
        if (IsReleased)
        {
            EndRequest();
            return false;
        }

        return true;
    }

    public void EndRequest()
    {
        if (Interlocked.Decrement(ref _activeRequests) == 0 && IsReleased)
        {
            _ = DisposeAsync().AsTask();
        }
    }

    /// <summary>Takes the shell out of service: it is disposed now if idle, else when its last request ends.</summary>
    public void Release()
    {
        Interlocked.Exchange(ref _released, 1);
        if (ActiveRequests == 0)
        {
            _ = DisposeAsync().AsTask();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a new scope of this shell's container.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync(async services =>
        {
            await work(services);
            return true;
        });

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await Services.DisposeAsync();
    }
}
