namespace InternalSocial.Groups.Services;

/// <summary>Group-scoped rights, named in the 403 problem when a person lacks them. Not granted to roles: held through group roles.</summary>
internal static class GroupRights
{
    public static readonly InternalSocial.Kernel.Security.Permission ReadContent = new("Groups.Member", "Be a member of the group", "Groups");

    public static readonly InternalSocial.Kernel.Security.Permission AdministerGroup = new("Groups.GroupAdmin", "Be an owner or admin of the group", "Groups");
}
