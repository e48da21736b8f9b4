using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Shells;

/// <summary>A feature as a tenant sees it.</summary>
public sealed record FeatureState(FeatureInfo Feature, bool IsEnabled, IReadOnlyList<string> EnabledDependents);

/// <summary>
/// Switches features of a tenant on and off: pulls in dependencies, refuses to disable what others need, runs the
/// modules' migrations, raises the lifecycle events and rebuilds the tenant's shell. Disabling keeps all data.
/// </summary>
public sealed class FeatureManager(
    ShellHost shellHost,
    FeatureCatalog catalog,
    AppDataFolder appData,
    Microsoft.Extensions.Options.IOptions<InternalSocialOptions> options,
    IStringLocalizer<KernelResources> T,
    ILogger<FeatureManager> logger)
{
    /// <summary>
    /// A feature that only uninitialized tenants run (the setup page). Enabled in a running tenant, it would send
    /// every page to setup, so it is neither listed nor enabled there.
    /// </summary>
    public bool IsSetupOnly(FeatureInfo feature) =>
        feature is not null && !feature.IsAlwaysEnabled && options.Value.SetupFeatures.Contains(feature.Id, StringComparer.Ordinal);

    public async Task<IReadOnlyList<FeatureState>> GetFeaturesAsync(string tenantName, CancellationToken cancellationToken)
    {
        var settings = RequireRunning(tenantName);
        var descriptor = await shellHost.LoadDescriptorAsync(new TenantDatabase(settings, appData), cancellationToken);
        var enabled = shellHost.ResolveFeatures(settings, descriptor.EnabledFeatures).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return catalog.Features
            .Where(f => (settings.IsDefault || !f.DefaultTenantOnly) && !IsSetupOnly(f))
            .Select(f => new FeatureState(f, enabled.Contains(f.Id), catalog.DependentsOf(f.Id, enabled).Select(d => d.Id).ToList()))
            .ToList();
    }

    /// <summary>Enables the features and what they need. Returns the features that were off and are now on.</summary>
    public async Task<IReadOnlyList<FeatureInfo>> EnableAsync(string tenantName, IReadOnlyCollection<string> featureIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featureIds);
        var requested = featureIds.Select(catalog.Get).ToList();
        var setupOnly = requested.Where(IsSetupOnly).ToList();
        if (setupOnly.Count > 0)
        {
            throw new FeatureConflictException(T["These features run only while an organisation is not set up: {0}.", string.Join(", ", setupOnly)], []);
        }

        return await shellHost.ChangeTenantAsync(tenantName, async () =>
        {
            var settings = RequireRunning(tenantName);
            var notHere = requested.Where(f => f.DefaultTenantOnly && !settings.IsDefault).ToList();
            if (notHere.Count > 0)
            {
                throw new FeatureConflictException(T["Only the Default tenant may enable: {0}.", string.Join(", ", notHere)], []);
            }

            var database = new TenantDatabase(settings, appData);
            var descriptor = await shellHost.LoadDescriptorAsync(database, cancellationToken);
            var before = shellHost.ResolveFeatures(settings, descriptor.EnabledFeatures);
            var beforeIds = before.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var toEnable = catalog.WithDependencies(requested.Select(f => f.Id)).Where(f => !beforeIds.Contains(f.Id)).ToList();
            if (toEnable.Count == 0)
            {
                return toEnable;
            }

            await RaiseAsync(shellHost.GetCurrentShell(tenantName), toEnable, (h, f) => h.EnablingAsync(f, cancellationToken));

            // A failing migration throws here: the descriptor is not saved, so the feature stays off.
            // The kernel's tables were brought up to date when the tenant started.
            shellHost.Migrate(database, toEnable, includeKernel: false);

            var newlyInstalled = toEnable.Where(f => !descriptor.InstalledFeatures.Contains(f.Id)).ToList();
            await shellHost.SaveDescriptorAsync(database, new ShellDescriptor
            {
                EnabledFeatures = [.. beforeIds.Concat(toEnable.Select(f => f.Id)).Order(StringComparer.Ordinal)],
                InstalledFeatures = [.. descriptor.InstalledFeatures.Union(toEnable.Select(f => f.Id)).Order(StringComparer.Ordinal)],
            }, cancellationToken);

            var shell = await shellHost.ReloadShellAsync(tenantName, cancellationToken);
            await RaiseAsync(shell, newlyInstalled, (h, f) => h.InstalledAsync(f, cancellationToken));
            await RaiseAsync(shell, toEnable, (h, f) => h.EnabledAsync(f, cancellationToken));
            logger.LogInformation("Tenant {Tenant}: enabled {Features}.", tenantName, string.Join(", ", toEnable));
            return toEnable;
        }, cancellationToken);
    }

    /// <summary>
    /// Disables the features. Refused with <see cref="FeatureConflictException"/> when an enabled feature not in
    /// the list needs one of them, or when one is always enabled. Returns the features that were on and are now off.
    /// </summary>
    public async Task<IReadOnlyList<FeatureInfo>> DisableAsync(string tenantName, IReadOnlyCollection<string> featureIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featureIds);
        var requested = featureIds.Select(catalog.Get).ToList();
        return await shellHost.ChangeTenantAsync(tenantName, async () =>
        {
            var settings = RequireRunning(tenantName);
            var alwaysOn = requested.Where(f => f.IsAlwaysEnabled).ToList();
            if (alwaysOn.Count > 0)
            {
                throw new FeatureConflictException(T["Always-enabled features cannot be disabled: {0}.", string.Join(", ", alwaysOn)], []);
            }

            var database = new TenantDatabase(settings, appData);
            var descriptor = await shellHost.LoadDescriptorAsync(database, cancellationToken);
            var enabled = shellHost.ResolveFeatures(settings, descriptor.EnabledFeatures).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var toDisable = requested.Where(f => enabled.Contains(f.Id)).ToList();
            var remaining = enabled.Except(toDisable.Select(f => f.Id)).ToList();
            foreach (var feature in toDisable)
            {
                var dependents = catalog.DependentsOf(feature.Id, remaining);
                if (dependents.Count > 0)
                {
                    throw new FeatureConflictException(
                        T["'{0}' cannot be disabled because these enabled features need it: {1}. Disable them first.", feature.Id, string.Join(", ", dependents)],
                        [.. dependents.Select(d => d.Id)]);
                }
            }

            if (toDisable.Count == 0)
            {
                return toDisable;
            }

            await RaiseAsync(shellHost.GetCurrentShell(tenantName), toDisable, (h, f) => h.DisablingAsync(f, cancellationToken));
            await shellHost.SaveDescriptorAsync(database, descriptor with { EnabledFeatures = [.. remaining.Order(StringComparer.Ordinal)] }, cancellationToken);
            var shell = await shellHost.ReloadShellAsync(tenantName, cancellationToken);
            await RaiseAsync(shell, toDisable, (h, f) => h.DisabledAsync(f, cancellationToken));
            logger.LogInformation("Tenant {Tenant}: disabled {Features}.", tenantName, string.Join(", ", toDisable));
            return toDisable;
        }, cancellationToken);
    }

    private ShellSettings RequireRunning(string tenantName)
    {
        var settings = shellHost.Get(tenantName);
        return settings.State == TenantState.Running
            ? settings
            : throw new ConflictException(T["Tenant '{0}' is {1}; features can be changed only in a running tenant.", settings.Name, T.StateText(settings.State)]);
    }

    private static async Task RaiseAsync(ShellContext? shell, IReadOnlyList<FeatureInfo> features, Func<IFeatureEventHandler, FeatureInfo, Task> raise)
    {
        if (shell is null || features.Count == 0)
        {
            return;
        }

        await shell.InScopeAsync(async services =>
        {
            var handlers = services.GetServices<IFeatureEventHandler>().ToList();
            foreach (var feature in features)
            {
                foreach (var handler in handlers)
                {
                    await raise(handler, feature);
                }
            }
        });
    }
}

/// <summary>A feature change refused because of other features (409).</summary>
public sealed class FeatureConflictException(string message, IReadOnlyList<string> dependents) : ConflictException(message)
{
    /// <summary>The enabled features that need the one being disabled.</summary>
    public IReadOnlyList<string> Dependents { get; } = dependents;
}
