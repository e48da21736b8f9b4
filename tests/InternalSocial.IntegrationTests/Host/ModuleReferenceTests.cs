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
                .Where(referenced => !IsAllowed(referenced))
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
                .Where(referenced => !IsAllowed(referenced))
                .Select(referenced => $"{assembly.GetName().Name} references {referenced}"))
            .ToList();

        AssertNone(offenders, "A compiled module may use only the kernel and .Abstractions assemblies");
    }

    [Fact]
    public void Module_implementation_assemblies_export_no_types()
    {
        var offenders = ModuleAssemblies()
            .Where(assembly => !IsAbstractions(assembly.GetName().Name!))
            .SelectMany(assembly => assembly.GetExportedTypes().Select(type => $"{assembly.GetName().Name}: {type.FullName}"))
            .ToList();

        AssertNone(offenders, "A module's implementation is internal; contracts go to its .Abstractions project. Public types");
    }

    private static bool IsAbstractions(string name) => name.EndsWith(".Abstractions", StringComparison.Ordinal);

    private static bool IsAllowed(string referenced) => referenced == Kernel || IsAbstractions(referenced);

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
