namespace InternalSocial.Benchmarks.Hosting;

/// <summary>
/// A throw-away content root shaped like a deployed site: the Web project's appsettings.json and a wwwroot, so
/// the static-file middleware looks on disk as it does in production instead of warning about a missing web
/// root on every shell build, and no app reads whatever folder the benchmark happens to be started from.
/// </summary>
internal static class ContentRoot
{
    public static string Create()
    {
        var root = Directory.CreateTempSubdirectory("internalsocial-bench-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "wwwroot"));
        var settings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(settings))
        {
            File.Copy(settings, Path.Combine(root, "appsettings.json"));
        }

        return root;
    }

    public static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold a file a moment longer; a leftover temp folder is harmless.
        }
    }
}
