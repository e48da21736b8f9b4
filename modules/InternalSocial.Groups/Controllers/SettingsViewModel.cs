using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

public sealed record SettingsViewModel(GroupSpaceViewModel Space, GroupFormViewModel Form, IReadOnlyList<GroupModuleState> Modules);
