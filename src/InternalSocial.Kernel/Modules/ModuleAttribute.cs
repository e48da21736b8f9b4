namespace InternalSocial.Kernel.Modules;

/// <summary>Declares that an assembly is an InternalSocial module. Put it in the module's <c>Manifest.cs</c>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ModuleAttribute : Attribute
{
    public ModuleAttribute(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string Name { get; }

    public string Description { get; set; } = "";

    public string Category { get; set; } = "General";

    public string Author { get; set; } = "InternalSocial";

    public string Version { get; set; } = "1.0.0";
}
