namespace InternalSocial.Groups.Models;

/// <summary>A tenant administrator's lock on a module, for all groups (<see cref="Scope"/> "all") or one group type.</summary>
internal sealed class GroupModuleLock
{
    public const string AllGroups = "all";

    public required string ModuleKey { get; set; }

    /// <summary>"all", "project" or "community".</summary>
    public required string Scope { get; set; }

    public bool IsEnabled { get; set; }
}
