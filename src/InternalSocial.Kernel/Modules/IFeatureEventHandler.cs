namespace InternalSocial.Kernel.Modules;

/// <summary>
/// Reacts to features of its tenant being switched on or off. "Enabling" and "Disabling" run in the tenant's
/// current container, before the change; "Installed", "Enabled" and "Disabled" run in the rebuilt container,
/// after it. "Installed" fires once per tenant, the first time a feature is enabled.
/// </summary>
public interface IFeatureEventHandler
{
    Task EnablingAsync(FeatureInfo feature, CancellationToken cancellationToken) => Task.CompletedTask;

    Task InstalledAsync(FeatureInfo feature, CancellationToken cancellationToken) => Task.CompletedTask;

    Task EnabledAsync(FeatureInfo feature, CancellationToken cancellationToken) => Task.CompletedTask;

    Task DisablingAsync(FeatureInfo feature, CancellationToken cancellationToken) => Task.CompletedTask;

    Task DisabledAsync(FeatureInfo feature, CancellationToken cancellationToken) => Task.CompletedTask;
}
