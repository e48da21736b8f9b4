using InternalSocial.Groups.Abstractions;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Shells;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Services;

/// <summary>
/// The registry of per-group modules, and which are on in each group. A module is available when its provider is
/// registered and its feature is on in the tenant; in a group it is on unless the group's admins switched it off, and a
/// tenant lock (for the group's type first, then for all groups) overrides the group's choice.
/// </summary>
internal sealed class GroupModules(IEnumerable<IGroupModuleProvider> providers, ShellFeatures features, GroupsDbContext db)
{
    public static readonly string[] LockScopes = [GroupModuleLock.AllGroups, "project", "community"];

    private IReadOnlyList<GroupModuleDescriptor>? _available;

    /// <summary>Modules whose feature is on in the tenant, in tab order.</summary>
    public IReadOnlyList<GroupModuleDescriptor> Available => _available ??=
        [.. providers.SelectMany(p => p.GetModules()).Where(m => features.IsEnabled(m.FeatureId)).DistinctBy(m => m.Key).OrderBy(m => m.Order).ThenBy(m => m.Key, StringComparer.Ordinal)];

    public static string ScopeOf(GroupType type) => type == GroupType.Project ? "project" : "community";

    public async Task<IReadOnlyList<GroupModuleState>> GetStatesAsync(Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (Available.Count == 0)
        {
            return [];
        }

        var settings = await db.ModuleSettings.AsNoTracking().Where(s => s.GroupId == group.Id).ToDictionaryAsync(s => s.ModuleKey, s => s.IsEnabled, StringComparer.Ordinal, cancellationToken);
        var locks = await LocksAsync(cancellationToken);
        return [.. Available.Select(m => StateOf(m, group.Type, settings, locks))];
    }

    public async Task<bool> IsEnabledAsync(long groupId, string moduleKey, CancellationToken cancellationToken)
    {
        var module = Available.FirstOrDefault(m => m.Key == moduleKey);
        var group = module is null ? null : await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Type }).FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return false;
        }

        var settings = await db.ModuleSettings.AsNoTracking().Where(s => s.GroupId == groupId && s.ModuleKey == moduleKey).ToDictionaryAsync(s => s.ModuleKey, s => s.IsEnabled, StringComparer.Ordinal, cancellationToken);
        return StateOf(module!, group.Type, settings, await LocksAsync(cancellationToken)).IsEnabled;
    }

    /// <summary>Sets a group's choice. A locked module, or an unknown one, is refused; callers check the group admin right first.</summary>
    /// <returns>False when the module is locked by the tenant.</returns>
    public async Task<bool> TrySetAsync(Group group, string moduleKey, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var state = (await GetStatesAsync(group, cancellationToken)).FirstOrDefault(s => s.Module.Key == moduleKey)
            ?? throw new InvalidInputException("modules", $"'{moduleKey}'");
        if (state.IsLocked)
        {
            return state.IsEnabled == enabled;
        }

        var setting = await db.ModuleSettings.FirstOrDefaultAsync(s => s.GroupId == group.Id && s.ModuleKey == moduleKey, cancellationToken);
        if (setting is null)
        {
            db.ModuleSettings.Add(new GroupModuleSetting { GroupId = group.Id, ModuleKey = moduleKey, IsEnabled = enabled });
        }
        else
        {
            setting.IsEnabled = enabled;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<GroupModuleLockInfo>> ListLocksAsync(CancellationToken cancellationToken) =>
        [.. (await db.ModuleLocks.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(l => l.ModuleKey, StringComparer.Ordinal).ThenBy(l => l.Scope, StringComparer.Ordinal)
            .Select(l => new GroupModuleLockInfo(l.ModuleKey, l.Scope, l.IsEnabled))];

    /// <summary>Locks a module on or off (<paramref name="enabled"/>), or unlocks it (null). Callers check Groups.Manage.</summary>
    public async Task SetLockAsync(string moduleKey, string scope, bool? enabled, CancellationToken cancellationToken)
    {
        var existing = await db.ModuleLocks.FirstOrDefaultAsync(l => l.ModuleKey == moduleKey && l.Scope == scope, cancellationToken);
        if (enabled is null)
        {
            if (existing is not null)
            {
                db.ModuleLocks.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.ModuleLocks.Add(new GroupModuleLock { ModuleKey = moduleKey, Scope = scope, IsEnabled = enabled.Value });
        }
        else
        {
            existing.IsEnabled = enabled.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static GroupModuleState StateOf(GroupModuleDescriptor module, GroupType type, IReadOnlyDictionary<string, bool> settings, IReadOnlyList<GroupModuleLock> locks)
    {
        var locked = locks.FirstOrDefault(l => l.ModuleKey == module.Key && l.Scope == ScopeOf(type))
            ?? locks.FirstOrDefault(l => l.ModuleKey == module.Key && l.Scope == GroupModuleLock.AllGroups);
        if (locked is not null)
        {
            return new GroupModuleState(module, locked.IsEnabled, IsLocked: true);
        }

        return new GroupModuleState(module, settings.GetValueOrDefault(module.Key, true), IsLocked: false);
    }

    private async Task<IReadOnlyList<GroupModuleLock>> LocksAsync(CancellationToken cancellationToken) =>
        await db.ModuleLocks.AsNoTracking().ToListAsync(cancellationToken);
}
