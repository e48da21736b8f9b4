
namespace InternalSocial.Groups.Services;

/// <summary>A tenant-wide lock: <paramref name="Scope"/> is "all", "project" or "community".</summary>
internal sealed record GroupModuleLockInfo(string ModuleKey, string Scope, bool IsEnabled);
