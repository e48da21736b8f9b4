using System.Reflection;
using System.Xml.Linq;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// A module uses another only through its contracts (docs/decisions/0020): every project under modules/ and themes/
/// references only the kernel and <c>.Abstractions</c> projects, in its csproj and in its compiled assembly, and a
/// module's implementation assembly exports nothing.
/// </summary>
public sealed class ModuleReferenceTests
{
    private const string Kernel = "InternalSocial.Kernel";

    /// <summary>Today's module-to-module references, each "referencing -> referenced"; emptied by the contracts step.</summary>
    private static readonly HashSet<string> AllowedReferences = new(StringComparer.Ordinal)
    {
        "InternalSocial.Feed -> InternalSocial.Users",
        "InternalSocial.Feed -> InternalSocial.Groups",
        "InternalSocial.Feed -> InternalSocial.Notifications",
        "InternalSocial.Feed -> InternalSocial.Workflows",
        "InternalSocial.Groups -> InternalSocial.Users",
        "InternalSocial.Groups -> InternalSocial.Workflows",
        "InternalSocial.Groups -> InternalSocial.Notifications",
        "InternalSocial.Newsletter -> InternalSocial.Users",
        "InternalSocial.Newsletter -> InternalSocial.Feed",
        "InternalSocial.Newsletter -> InternalSocial.Groups",
        "InternalSocial.Notifications -> InternalSocial.Users",
        "InternalSocial.Workflows -> InternalSocial.Users",
        "InternalSocial.Workflows -> InternalSocial.Notifications",
    };

    /// <summary>The modules whose types are still public while others use them; emptied by the contracts step.</summary>
    private static readonly HashSet<string> AllowedExporters = new(StringComparer.Ordinal)
    {
        "InternalSocial.Users",
        "InternalSocial.Groups",
        "InternalSocial.Feed",
        "InternalSocial.Notifications",
        "InternalSocial.Workflows",
        "InternalSocial.Newsletter",
    };

    private static readonly IReadOnlyList<string> ProjectFiles =
        new[] { "modules", "themes" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Module_projects_reference_only_the_kernel_and_abstractions()
    {
        Assert.NotEmpty(ProjectFiles);
        var offenders = ProjectFiles
            .SelectMany(path => XDocument.Load(path).Descendants("ProjectReference")
                .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
                .Where(referenced => !IsAllowed(Path.GetFileNameWithoutExtension(path), referenced))
                .Select(referenced => $"{Path.GetRelativePath(Repository.Root, path)} references {referenced}"))
            .ToList();

        AssertNone(offenders, "A module or theme project may reference only the kernel and .Abstractions projects");
    }

    [Fact]
    public void Module_assemblies_reference_only_the_kernel_and_abstractions()
    {
        var offenders = ModuleAssemblies()
            .SelectMany(assembly => assembly.GetReferencedAssemblies()
                .Select(reference => reference.Name!)
                .Where(referenced => referenced.StartsWith("InternalSocial.", StringComparison.Ordinal))
                .Where(referenced => !IsAllowed(assembly.GetName().Name!, referenced))
                .Select(referenced => $"{assembly.GetName().Name} references {referenced}"))
            .ToList();

        AssertNone(offenders, "A compiled module may use only the kernel and .Abstractions assemblies");
    }

    [Fact]
    public void Module_implementation_assemblies_export_no_types()
    {
        var offenders = ModuleAssemblies()
            .Where(assembly => !IsAbstractions(assembly.GetName().Name!) && !AllowedExporters.Contains(assembly.GetName().Name!))
            .SelectMany(assembly => assembly.GetExportedTypes().Select(type => $"{assembly.GetName().Name}: {type.FullName}"))
            .ToList();

        AssertNone(offenders, "A module's implementation is internal; contracts go to its .Abstractions project. Public types");
    }

    private static bool IsAbstractions(string name) => name.EndsWith(".Abstractions", StringComparison.Ordinal);

    private static bool IsAllowed(string referencing, string referenced) =>
        referenced == Kernel || IsAbstractions(referenced) || AllowedReferences.Contains($"{referencing} -> {referenced}");

    /// <summary>The assembly of every project under modules/ and themes/, as the test project loads it.</summary>
    private static List<Assembly> ModuleAssemblies()
    {
        var assemblies = ProjectFiles.Select(path => Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(path)))).ToList();
        Assert.NotEmpty(assemblies);
        return assemblies;
    }

    private static void AssertNone(List<string> offenders, string rule)
    {
        if (offenders.Count > 0)
        {
            Assert.Fail($"{rule}:{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
        }
    }
}
