using System.Text.Json;
using InternalSocial.Kernel.Hosting;

namespace InternalSocial.Kernel.Shells;

/// <summary>Reads and writes <c>App_Data/tenants.json</c>. Writes replace the file atomically.</summary>
public sealed class ShellSettingsStore(AppDataFolder appData) : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<IReadOnlyList<ShellSettings>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return await ReadAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Inserts or replaces the tenant of the same name (names are case-insensitive).</summary>
    public async Task SaveAsync(ShellSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var all = (await ReadAsync(cancellationToken)).ToList();
            var index = all.FindIndex(s => string.Equals(s.Name, settings.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                all[index] = settings;
            }
            else
            {
                all.Add(settings);
            }

            Directory.CreateDirectory(appData.Root);
            var temporary = appData.TenantsFile + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, all, JsonOptions, cancellationToken);
            }

            File.Move(temporary, appData.TenantsFile, overwrite: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task<List<ShellSettings>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(appData.TenantsFile))
        {
            return [];
        }

        await using var stream = File.OpenRead(appData.TenantsFile);
        return await JsonSerializer.DeserializeAsync<List<ShellSettings>>(stream, JsonOptions, cancellationToken) ?? [];
    }
}
