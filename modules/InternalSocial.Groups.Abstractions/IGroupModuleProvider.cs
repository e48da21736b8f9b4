namespace InternalSocial.Groups.Abstractions;

/// <summary>Registered (scoped) by a module's startup to contribute per-group modules to the registry.</summary>
public interface IGroupModuleProvider
{
    IEnumerable<GroupModuleDescriptor> GetModules();
}
