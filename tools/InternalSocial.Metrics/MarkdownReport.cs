using System.Text;

namespace InternalSocial.Metrics;

/// <summary>The measures as Markdown tables, ready for docs/architecture.md.</summary>
public static class MarkdownReport
{
    public static string One(RepositoryMetrics metrics)
    {
        var markdown = new StringBuilder();
        Summary(markdown, [metrics], ["Value"]);
        Types(markdown, [metrics], ["Public", "Internal"]);
        References(markdown, metrics);
        markdown.AppendLine().AppendLine($"Files over {RepositoryMetrics.MaxFileLines} lines:").AppendLine();
        foreach (var (file, lines) in metrics.LongFiles)
        {
            markdown.AppendLine($"- `{file}`: {lines}");
        }

        markdown.AppendLine().AppendLine($"Methods over {RepositoryMetrics.MaxMethodLines} lines:").AppendLine();
        foreach (var method in metrics.LongMethods)
        {
            markdown.AppendLine($"- `{method.Name}` in `{method.File}`: {method.Lines}");
        }

        return markdown.ToString();
    }

    public static string Compare(RepositoryMetrics before, RepositoryMetrics after)
    {
        var markdown = new StringBuilder();
        Summary(markdown, [before, after], ["Before", "After"]);
        Types(markdown, [before, after], ["Public before", "Internal before", "Public after", "Internal after"]);
        markdown.AppendLine().AppendLine("References between modules, before:");
        References(markdown, before);
        markdown.AppendLine().AppendLine("After:");
        References(markdown, after);
        return markdown.ToString();
    }

    private static void Summary(StringBuilder markdown, IReadOnlyList<RepositoryMetrics> columns, IReadOnlyList<string> headers)
    {
        markdown.AppendLine($"| Measure | {string.Join(" | ", headers)} |")
            .AppendLine($"|---|{string.Concat(headers.Select(_ => "---:|"))}");
        Row(markdown, $"Production `.cs` files over {RepositoryMetrics.MaxFileLines} lines", columns.Select(c => c.LongFiles.Count));
        Row(markdown, $"Methods over {RepositoryMetrics.MaxMethodLines} lines", columns.Select(c => c.LongMethods.Count));
        Row(markdown, "Public top-level types (kernel, modules, themes)", columns.Select(c => c.Modules.Sum(p => p.PublicTypes)));
        Row(markdown, "Internal top-level types (kernel, modules, themes)", columns.Select(c => c.Modules.Sum(p => p.InternalTypes)));
        Row(markdown, "Project references from a module to another module", columns.Select(c => c.ModuleReferenceCount));
        Row(markdown, "Project references from a module to an `.Abstractions` project", columns.Select(c => c.AbstractionsReferenceCount));
    }

    private static void Types(StringBuilder markdown, IReadOnlyList<RepositoryMetrics> columns, IReadOnlyList<string> headers)
    {
        markdown.AppendLine().AppendLine("Top-level types per project:").AppendLine()
            .AppendLine($"| Project | {string.Join(" | ", headers)} |")
            .AppendLine($"|---|{string.Concat(headers.Select(_ => "---:|"))}");
        var names = columns.SelectMany(c => c.Modules.Select(p => p.Name)).Distinct().Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var counts = columns.SelectMany(c => c.Modules.FirstOrDefault(p => p.Name == name) is { } project
                ? new[] { project.PublicTypes.ToString(System.Globalization.CultureInfo.InvariantCulture), project.InternalTypes.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : ["—", "—"]);
            markdown.AppendLine($"| {name} | {string.Join(" | ", counts)} |");
        }
    }

    private static void References(StringBuilder markdown, RepositoryMetrics metrics)
    {
        markdown.AppendLine().AppendLine("| Project | References modules | References `.Abstractions` |").AppendLine("|---|---|---|");
        foreach (var project in metrics.Modules.Where(p => p.ModuleReferences.Count + p.AbstractionsReferences.Count > 0))
        {
            markdown.AppendLine($"| {project.Name} | {string.Join(", ", project.ModuleReferences)} | {string.Join(", ", project.AbstractionsReferences)} |");
        }
    }

    private static void Row(StringBuilder markdown, string measure, IEnumerable<int> values) =>
        markdown.AppendLine($"| {measure} | {string.Join(" | ", values)} |");
}
