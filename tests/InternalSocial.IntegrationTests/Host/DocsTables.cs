using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>The Markdown tables of docs/architecture.md that are generated from the code, sorted so that they are stable.</summary>
public static partial class DocsTables
{
    /// <summary>Every feature of every module and theme, grouped by module.</summary>
    public static string Features(IEnumerable<FeatureInfo> features)
    {
        var markdown = new StringBuilder()
            .AppendLine("| Feature | Name | Module | Category | Flags | Depends on | Description |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var feature in features.OrderBy(f => f.Module.Id, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            var dependencies = string.Join(", ", feature.Dependencies.Order(StringComparer.Ordinal).Select(d => $"`{d}`"));
            markdown.AppendLine($"| `{feature.Id}` | {Cell(feature.Name)} | {Cell(feature.Module.Name)} | {Cell(feature.Category)} | {Flags(feature)} | {dependencies} | {Cell(feature.Description)} |");
        }

        return markdown.ToString();
    }

    /// <summary>
    /// The operations of OpenAPI documents (merged), each under the module whose code maps it; <paramref name="moduleOf"/>
    /// answers from "METHOD /path" with the parameters written as OpenAPI writes them.
    /// </summary>
    public static string Api(IEnumerable<JsonElement> documents, IReadOnlyDictionary<string, string> moduleOf)
    {
        var operations = new SortedSet<(string Module, string Path, string Method, string Summary)>();
        foreach (var document in documents)
        {
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => IsMethod(o.Name)))
                {
                    var method = operation.Name.ToUpperInvariant();
                    var summary = operation.Value.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
                    var module = moduleOf.GetValueOrDefault($"{method} {path.Name}", "(unknown module)");
                    operations.Add((module, path.Name, method, summary));
                }
            }
        }

        var markdown = new StringBuilder();
        foreach (var group in operations.GroupBy(o => o.Module))
        {
            markdown.AppendLine($"**{group.Key}**").AppendLine()
                .AppendLine("| Method | Path | Summary |")
                .AppendLine("|---|---|---|");
            foreach (var (_, path, method, summary) in group)
            {
                markdown.AppendLine($"| `{method}` | `{path}` | {Cell(summary)} |");
            }

            markdown.AppendLine();
        }

        return markdown.ToString();
    }

    /// <summary>"METHOD /path" of each route of a tenant, with the module that maps it (from the handler's assembly).</summary>
    public static void AddModules(EndpointDataSource endpoints, IReadOnlyList<ModuleInfo> modules, IDictionary<string, string> moduleOf)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var assembly = endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly;
            var module = modules.FirstOrDefault(m => m.Assembly == assembly);
            if (module is null)
            {
                continue;
            }

            var path = "/" + RouteParameter().Replace((endpoint.RoutePattern.RawText ?? "").Trim('/'), "{$1}");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                moduleOf[$"{method} {path}"] = module.Name;
            }
        }
    }

    private static bool IsMethod(string name) =>
        name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace";

    private static string Flags(FeatureInfo feature) => string.Join(", ", new[]
    {
        feature.IsAlwaysEnabled ? "always enabled" : null,
        feature.DefaultTenantOnly ? "Default tenant only" : null,
        feature.IsAdminTheme ? "admin theme" : feature.IsTheme ? "theme" : null,
    }.OfType<string>());

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>A route parameter as OpenAPI writes it: <c>{id:long}</c>, <c>{*path}</c> and <c>{id?}</c> become <c>{id}</c>.</summary>
    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
