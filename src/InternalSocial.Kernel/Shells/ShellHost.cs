using System.Collections.Concurrent;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Shells;

/// <summary>
/// Holds the tenants' settings and their running shells. A shell is built on its tenant's first request, under
/// a per-tenant lock so that a burst of requests on a cold tenant builds it once. Changes to a tenant (features,
/// settings, setup) are serialized by the same lock.
/// </summary>
public sealed class ShellHost(
    ShellSettingsStore store,
    AppDataFolder appData,
    FeatureCatalog catalog,
    ModuleMigrator migrator,
    IOptions<InternalSocialOptions> options,
    ShellContainerFactory containerFactory,
    ILogger<ShellHost> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ShellContext> _shells = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _migratedThisProcess = new(StringComparer.OrdinalIgnoreCase);
    private volatile RunningShellTable _table = new([]);

    public IReadOnlyList<ShellSettings> AllSettings => _table.All;

    /// <summary>Loads tenants.json, creating the Default tenant (uninitialized) on a fresh App_Data.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var all = await store.LoadAllAsync(cancellationToken);
        if (!all.Any(s => s.IsDefault))
        {
            await store.SaveAsync(new ShellSettings { Name = ShellSettings.DefaultName, CreatedUtc = DateTimeOffset.UtcNow }, cancellationToken);
            all = await store.LoadAllAsync(cancellationToken);
        }

        _table = new RunningShellTable(all);
    }

    public ShellSettings? Find(string tenantName) =>
        _table.All.FirstOrDefault(s => string.Equals(s.Name, tenantName, StringComparison.OrdinalIgnoreCase));

    public ShellSettings Get(string tenantName) => Find(tenantName) ?? throw new NotFoundException($"Unknown tenant '{tenantName}'.");

    public ShellSettings? Match(HostString host, PathString path) => _table.Match(host, path);

    /// <summary>The tenant's current shell, if one has been built.</summary>
    public ShellContext? GetCurrentShell(string tenantName) => _shells.GetValueOrDefault(tenantName);

    /// <summary>The tenant's shell, built if needed. Only running and uninitialized tenants have one.</summary>
    public async Task<ShellContext> GetOrCreateShellAsync(string tenantName, CancellationToken cancellationToken)
    {
        if (_shells.TryGetValue(tenantName, out var shell) && !shell.IsReleased)
        {
            return shell;
        }

        var gate = _locks.GetOrAdd(tenantName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_shells.TryGetValue(tenantName, out shell) && !shell.IsReleased)
            {
                return shell;
            }

            return await BuildAndSwapAsync(Get(tenantName), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs a change to a tenant alone: no other change and no shell build of that tenant runs meanwhile.</summary>
    public async Task<T> ChangeTenantAsync<T>(string tenantName, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var gate = _locks.GetOrAdd(tenantName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await change();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Builds a new shell from the tenant's current settings and features and puts it in service; the previous one
    /// finishes its requests and is then disposed. Call inside <see cref="ChangeTenantAsync{T}"/>.
    /// </summary>
    public Task<ShellContext> ReloadShellAsync(string tenantName, CancellationToken cancellationToken) =>
        BuildAndSwapAsync(Get(tenantName), cancellationToken);

    /// <summary>Saves a tenant's settings and takes its shell out of service so the next request rebuilds it.</summary>
    public async Task SaveSettingsAsync(ShellSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await store.SaveAsync(settings, cancellationToken);
        _table = new RunningShellTable(await store.LoadAllAsync(cancellationToken));
        if (_shells.TryRemove(settings.Name, out var old))
        {
            old.Release();
        }
    }

    /// <summary>Reads the tenant's feature list from its database (the kernel's tables must exist).</summary>
    public async Task<ShellDescriptor> LoadDescriptorAsync(TenantDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = KernelDbContext.Create(database);
        var store = new DocumentStore(db, TimeProvider.System);
        return await store.GetAsync<ShellDescriptor>(ShellDescriptor.DocumentId, cancellationToken) ?? new ShellDescriptor();
    }

    public async Task SaveDescriptorAsync(TenantDatabase database, ShellDescriptor descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = KernelDbContext.Create(database);
        await new DocumentStore(db, TimeProvider.System).SaveAsync(ShellDescriptor.DocumentId, descriptor, cancellationToken);
    }

    /// <summary>Brings the kernel's (unless told otherwise) and the given modules' tables up to date.</summary>
    public void Migrate(TenantDatabase database, IEnumerable<FeatureInfo> features, bool includeKernel = true)
    {
        if (includeKernel)
        {
            migrator.MigrateUp(database, "Kernel", typeof(ShellHost).Assembly);
        }

        foreach (var module in features.Select(f => f.Module).DistinctBy(m => m.Id))
        {
            migrator.MigrateUp(database, module.Id, module.Assembly);
        }
    }

    /// <summary>The features a tenant runs with: its enabled ones, the always-enabled ones, and their dependencies.</summary>
    public IReadOnlyList<FeatureInfo> ResolveFeatures(ShellSettings settings, IEnumerable<string> enabledFeatureIds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var known = enabledFeatureIds.Where(id =>
        {
            if (catalog.Contains(id))
            {
                return true;
            }

            logger.LogWarning("Tenant {Tenant} has feature {Feature} enabled, but no referenced module declares it; it is ignored.", settings.Name, id);
            return false;
        });
        return catalog.WithDependencies(known.Concat(catalog.AlwaysEnabled.Select(f => f.Id)))
            .Where(f => settings.IsDefault || !f.DefaultTenantOnly)
            .ToList();
    }

    private async Task<ShellContext> BuildAndSwapAsync(ShellSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<FeatureInfo> features;
        switch (settings.State)
        {
            case TenantState.Uninitialized:
                features = catalog.WithDependencies(options.Value.SetupFeatures);
                break;
            case TenantState.Running:
                var database = new TenantDatabase(settings, appData);
                var descriptor = await LoadDescriptorAsync(database, cancellationToken);
                features = ResolveFeatures(settings, descriptor.EnabledFeatures);
                if (_migratedThisProcess.TryAdd(settings.Name, true))
                {
                    // Modules updated since the tenant last ran bring their tables up to date before the first request.
                    Migrate(database, features);
                }

                break;
            default:
                throw new TenantUnavailableException(settings);
        }

        var shell = containerFactory.Create(settings, features);
        var previous = _shells.GetValueOrDefault(settings.Name);
        _shells[settings.Name] = shell;
        previous?.Release();
        logger.LogInformation("Tenant {Tenant} shell built with {FeatureCount} features.", settings.Name, features.Count);
        return shell;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shell in _shells.Values)
        {
            await shell.DisposeAsync();
        }

        _shells.Clear();
    }
}

public sealed class TenantUnavailableException(ShellSettings settings)
    : Exception($"Tenant '{settings.Name}' is {settings.State.ToString().ToLowerInvariant()}.")
{
    public ShellSettings Settings { get; } = settings;
}
