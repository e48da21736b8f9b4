using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Tests;

public sealed class ShellContextTests
{
    private sealed class Probe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private static (ShellContext Shell, Probe Probe) NewShell()
    {
        var services = new ServiceCollection();
        // Built by the container, so the container disposes it with the shell.
        services.AddSingleton(_ => new Probe());
        var provider = services.BuildServiceProvider();
        var probe = provider.GetRequiredService<Probe>();
        return (new ShellContext(new ShellSettings { Name = "T" }, [], provider), probe);
    }

    [Fact]
    public async Task A_released_shell_waits_for_its_last_request_before_disposing()
    {
        var (shell, probe) = NewShell();
        Assert.True(shell.TryAcquire());

        shell.Release();
        await Task.Delay(50);
        Assert.False(probe.Disposed);

        shell.EndRequest();
        await WaitUntilAsync(() => probe.Disposed);
        Assert.True(shell.IsDisposed);
    }

    [Fact]
    public async Task An_idle_shell_is_disposed_when_released()
    {
        var (shell, probe) = NewShell();

        shell.Release();

        await WaitUntilAsync(() => probe.Disposed);
    }

    [Fact]
    public void A_released_shell_takes_no_new_request()
    {
        var (shell, _) = NewShell();

        shell.Release();

        Assert.False(shell.TryAcquire());
        Assert.Equal(0, shell.ActiveRequests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
