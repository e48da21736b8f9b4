using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Recipes;

/// <summary>
/// <c>{ "name": "roles", "roles": [ { "name": "Editor", "description": "…", "permissions": ["…"], "behavior": "replace" } ] }</c>.
/// Upserts each role by name. <c>behavior</c>: <c>replace</c> (default) sets exactly these permissions, <c>add</c> adds
/// them, <c>remove</c> takes them away.
/// </summary>
internal sealed class RolesRecipeStep(RolePermissions rolePermissions, PermissionCatalog permissions, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    private static readonly string[] Behaviors = ["replace", "add", "remove"];

    public string StepName => "roles";

    /// <summary>A role by its name (in any case); see <see cref="Merge"/>.</summary>
    public RecipeStepItems? Items => new("roles", "name", Merge) { NormalizeKey = name => name.ToUpperInvariant() };

    /// <summary>
    /// As the roles page, <see cref="Permissions.ManageRoles"/>; and every permission the step gives a role that the
    /// role does not hold yet ("replace" and "add"): nobody hands out a right they do not hold.
    /// </summary>
    public async Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var grants = await rolePermissions.GetGrantsAsync(cancellationToken);
        var required = new List<Permission> { Permissions.ManageRoles };
        foreach (var role in (step.Data["roles"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (RecipeStepReader.TextOf(role, "behavior") == "remove" || role["permissions"] is not JsonArray names)
            {
                continue;
            }

            var held = grants.GetValueOrDefault(RecipeStepReader.TextOf(role, "name") ?? "") ?? [];
            required.AddRange(names.OfType<JsonValue>()
                .Select(v => v.TryGetValue<string>(out var name) ? name : null).OfType<string>()
                .Where(n => !held.Contains(n)).Select(n => permissions.Find(n)).OfType<Permission>());
        }

        return required;
    }

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "roles");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, path) in reader.Objects(step.Data, "", "roles", required: true))
        {
            reader.RejectUnknownFields(role, path, "name", "description", "permissions", "behavior");
            var name = reader.Text(role, path, "name", required: true);
            if (name is not null && !RolesAdminService.IsValidRoleName(name))
            {
                reader.Error($"{path}.name", T["must be 2 to 50 letters, digits, spaces, '-' or '_', starting with a letter."]);
            }
            else if (name is not null && !seen.Add(name))
            {
                reader.Error($"{path}.name", T["role '{0}' is listed twice in this step.", name]);
            }

            var description = reader.Text(role, path, "description");
            if (description?.Length > 500)
            {
                reader.Error($"{path}.description", T["must be at most 500 characters."]);
            }

            var behavior = reader.Text(role, path, "behavior");
            if (behavior is not null && !Behaviors.Contains(behavior))
            {
                reader.Error($"{path}.behavior", T["must be one of: {0}.", string.Join(", ", Behaviors)]);
            }

            var names = reader.Texts(role, path, "permissions");
            if (string.Equals(name, BuiltInRoles.Administrator, StringComparison.OrdinalIgnoreCase) && role["permissions"] is not null)
            {
                reader.Error($"{path}.permissions", T["the Administrator role holds every permission; its permissions cannot be set."]);
            }

            for (var i = 0; i < names.Count; i++)
            {
                if (permissions.Find(names[i]) is null)
                {
                    reader.Error($"{path}.permissions[{i}]", T["unknown permission '{0}' (no enabled feature defines it).", names[i]]);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A later definition that replaces the permissions is the role (keeping an earlier description it leaves out); one
    /// without permissions only changes the description. A later "add" or "remove" on top of an earlier list is no single
    /// definition: both are applied in order (the upsert still changes nothing when the role already holds the result).
    /// </summary>
    private static JsonObject? Merge(JsonObject earlier, JsonObject later)
    {
        if (later["permissions"] is null)
        {
            var described = (JsonObject)earlier.DeepClone();
            described["description"] = (later["description"] ?? earlier["description"])?.DeepClone();
            return described;
        }

        return (RecipeStepReader.TextOf(later, "behavior") ?? "replace") == "replace"
            ? RecipeStepItems.Replace("roles", "name", "description").Merge(earlier, later)
            : null;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        await rolePermissions.EnsureBuiltInRolesAsync();
        foreach (var role in step.Data["roles"]!.AsArray().OfType<JsonObject>())
        {
            var names = role["permissions"] is JsonArray array ? array.OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList() : null;
            await rolePermissions.UpsertRoleAsync(
                RecipeStepReader.TextOf(role, "name")!,
                RecipeStepReader.TextOf(role, "description"),
                names?.Select(n => permissions.Find(n)!).ToList(),
                RecipeStepReader.TextOf(role, "behavior") ?? "replace");
        }
    }
}

/// <summary>
/// Exports every role with its description and permissions (Administrator holds all and is left out). Only permissions
/// an enabled feature defines: a disabled feature keeps its grants, but a recipe naming them would be refused.
/// </summary>
internal sealed class RolesExporter(RolePermissions rolePermissions, PermissionCatalog permissions) : IRecipeExporter
{
    public int Order => -800;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var roles = new JsonArray();
        foreach (var role in await rolePermissions.ListRolesAsync(cancellationToken))
        {
            if (string.Equals(role.Name, BuiltInRoles.Administrator, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            roles.Add(new JsonObject
            {
                ["name"] = role.Name,
                ["description"] = role.Description,
                ["permissions"] = new JsonArray([.. role.Permissions.Where(p => permissions.Find(p) is not null).Order(StringComparer.Ordinal).Select(p => (JsonNode)p)]),
                ["behavior"] = "replace",
            });
        }

        return [new JsonObject { ["name"] = "roles", ["roles"] = roles }];
    }
}
