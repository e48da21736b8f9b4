using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

internal sealed record SettingsViewModel(GroupSpaceViewModel Space, GroupFormViewModel Form, IReadOnlyList<GroupModuleState> Modules);
