namespace InternalSocial.Metrics;

/// <summary>The measures of one checkout: production code only (src/, modules/, themes/), no tests, obj, bin or generated files.</summary>
public sealed record RepositoryMetrics(
    string Root,
    IReadOnlyList<(string File, int Lines)> LongFiles,
    IReadOnlyList<LongMethod> LongMethods,
    IReadOnlyList<ProjectMetrics> Projects)
{
    public const int MaxFileLines = 300;

    public const int MaxMethodLines = 60;

    private static readonly string[] ProductionFolders = ["src", "modules", "themes"];

    public static RepositoryMetrics Measure(string root)
    {
        var longFiles = new List<(string, int)>();
        var longMethods = new List<LongMethod>();
        var projects = new List<ProjectMetrics>();
        foreach (var project in ProductionFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
                     .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories))
                     .Where(p => !IsBuildOutput(p))
                     .Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(project)!;
            var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
                .Select(f => SourceFile.Read(f, Path.GetRelativePath(root, f).Replace('\\', '/')))
                .Where(s => !s.IsGenerated)
                .ToList();
            longFiles.AddRange(sources.Where(s => s.Lines > MaxFileLines).Select(s => (s.Path, s.Lines)));
            longMethods.AddRange(sources.SelectMany(s => s.Methods).Where(m => m.Lines > MaxMethodLines));
            var types = sources.SelectMany(s => s.TopLevelTypes).DistinctBy(t => t.FullName).ToList();
            var (modules, abstractions) = ProjectReferences.Read(project);
            projects.Add(new ProjectMetrics(
                Path.GetFileNameWithoutExtension(project),
                types.Count(t => t.IsPublic),
                types.Count(t => !t.IsPublic),
                modules,
                abstractions));
        }

        return new RepositoryMetrics(
            root,
            [.. longFiles.OrderByDescending(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal)],
            [.. longMethods.OrderByDescending(m => m.Lines).ThenBy(m => m.File, StringComparer.Ordinal)],
            projects);
    }

    /// <summary>The projects whose references are counted: every one but the host, which references all modules by design.</summary>
    public IEnumerable<ProjectMetrics> Modules => Projects.Where(p => p.Name != "InternalSocial.Web");

    public int ModuleReferenceCount => Modules.Sum(p => p.ModuleReferences.Count);

    public int AbstractionsReferenceCount => Modules.Sum(p => p.AbstractionsReferences.Count);

    private static bool IsBuildOutput(string path) =>
        path.Replace('\\', '/').Split('/').Any(part => part is "obj" or "bin" or "node_modules");
}
