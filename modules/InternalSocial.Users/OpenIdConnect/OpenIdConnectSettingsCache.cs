using InternalSocial.Kernel.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>
/// The settings as this shell last read them, shared by its requests. The authentication handler's options are built
/// from it (they are built synchronously, so the settings must be read before: see
/// <see cref="OpenIdConnectSchemeProvider"/>). A save here clears the handler's options; a save on another node is
/// seen when the cached copy is older than <see cref="RecheckAfter"/>.
/// </summary>
internal sealed class OpenIdConnectSettingsCache(IServiceScopeFactory scopes, IOptionsMonitorCache<OpenIdConnectOptions> options, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>The settings last read; null before the first read.</summary>
    public OpenIdConnectSettings? Current => _current?.Settings;

    public async Task<OpenIdConnectSettings> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - current.ReadAt < RecheckAfter)
        {
            return current.Settings;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && clock.GetUtcNow() - current.ReadAt < RecheckAfter)
            {
                return current.Settings;
            }

            OpenIdConnectSettings settings;
            await using (var scope = scopes.CreateAsyncScope())
            {
                settings = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<OpenIdConnectSettings>(OpenIdConnectSettings.DocumentId, cancellationToken)
                    ?? new OpenIdConnectSettings();
            }

            Set(settings);
            return settings;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Takes new settings into use: the next sign-in builds the handler's options from them.</summary>
    public void Set(OpenIdConnectSettings settings)
    {
        var previous = _current;
        _current = new Snapshot(settings, clock.GetUtcNow());
        if (previous is null || previous.Settings.Stamp != settings.Stamp)
        {
            options.TryRemove(OpenIdConnectDefaults.AuthenticationScheme);
        }
    }

    public void Dispose() => _lock.Dispose();

    private sealed record Snapshot(OpenIdConnectSettings Settings, DateTimeOffset ReadAt);
}
