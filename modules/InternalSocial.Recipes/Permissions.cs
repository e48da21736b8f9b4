using InternalSocial.Kernel.Security;

namespace InternalSocial.Recipes;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission RunRecipes = new("Recipes.Run", "Preview and run recipes, see which ran", "Recipes");
    public static readonly Permission ExportConfiguration = new("Recipes.Export", "Export the organisation's configuration as a recipe", "Recipes");

    public IEnumerable<Permission> GetPermissions() => [RunRecipes, ExportConfiguration];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [RunRecipes, ExportConfiguration]),
        new(BuiltInRoles.CommunicationDirector, [RunRecipes, ExportConfiguration]),
    ];
}
