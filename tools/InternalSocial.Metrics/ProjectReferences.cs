using System.Xml.Linq;

namespace InternalSocial.Metrics;

/// <summary>The module projects a project references, the kernel left out.</summary>
public static class ProjectReferences
{
    public static (IReadOnlyList<string> Modules, IReadOnlyList<string> Abstractions) Read(string project)
    {
        var references = XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension((e.Attribute("Include")?.Value ?? "").Replace('\\', '/')))
            .Where(name => name.Length > 0 && name != "InternalSocial.Kernel")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (
            [.. references.Where(r => !r.EndsWith(".Abstractions", StringComparison.Ordinal))],
            [.. references.Where(r => r.EndsWith(".Abstractions", StringComparison.Ordinal))]);
    }
}
