using System.Text.RegularExpressions;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.Kernel.Files;

/// <summary>
/// The tenant's own files (photos, attachments, covers), kept apart from other tenants'. Paths are relative,
/// made of safe segments chosen by the module (e.g. <c>feed/2026/11/3f9a….webp</c>), never of user input.
/// </summary>
public interface ITenantFileStore
{
    Task SaveAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>The file, or null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>True when a file was deleted.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken);
}

/// <summary>Files under <c>App_Data/Sites/{tenant}/Files</c>. Several nodes would share this folder or use an object store.</summary>
internal sealed partial class LocalTenantFileStore(ShellSettings settings, AppDataFolder appData) : ITenantFileStore
{
    private readonly string _root = Path.Combine(appData.TenantFolder(settings.Name), "Files");

    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fullPath = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Written beside, then moved: a reader never sees half a file, and a failed upload leaves nothing.
        var temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Resolve(path);
        Stream? stream = File.Exists(fullPath) ? new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Resolve(path);
        if (!File.Exists(fullPath))
        {
            return Task.FromResult(false);
        }

        File.Delete(fullPath);
        return Task.FromResult(true);
    }

    private string Resolve(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 300 || !SafePath().IsMatch(path))
        {
            throw new ArgumentException($"'{path}' is not a safe relative file path.", nameof(path));
        }

        return Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Segments of letters, digits, '-', '_' and '.', not starting with a dot: no "..", no absolute path.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")]
    private static partial Regex SafePath();
}
