using InternalSocial.Groups.Abstractions;


namespace InternalSocial.Groups.Services;

/// <summary>A module as a group sees it: on or off, and whether the tenant has locked it.</summary>
internal sealed record GroupModuleState(GroupModuleDescriptor Module, bool IsEnabled, bool IsLocked);
