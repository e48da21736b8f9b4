using System.Security.Claims;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Whether a person may run every step of a recipe: each step must be one they could make by hand, so a recipe never
/// lets its runner do more than they hold (grant themselves a permission, point sign-in elsewhere). Asked in the preview
/// of the shell the recipe leads to, so the steps of modules it turns on are known.
/// </summary>
internal static class RecipeRights
{
    /// <returns>One error per step the person may not run, naming the permissions they lack; empty when they may run it all.</returns>
    public static async Task<IReadOnlyList<RecipeError>> DenialsAsync(
        IServiceProvider services,
        IReadOnlyList<RecipeStep> steps,
        IReadOnlyDictionary<string, IRecipeStepHandler> handlers,
        ClaimsPrincipal person,
        IStringLocalizer T,
        CancellationToken cancellationToken)
    {
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var catalog = services.GetRequiredService<PermissionCatalog>();
        var held = new Dictionary<string, bool>(StringComparer.Ordinal);
        var denials = new List<RecipeError>();
        foreach (var step in steps)
        {
            var declared = await handlers[step.Name].RequiredPermissionsAsync(step, cancellationToken);
            var missing = new List<string>();
            foreach (var permission in (declared ?? catalog.All).DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (!held.TryGetValue(permission.Name, out var holds))
                {
                    held[permission.Name] = holds = await authorization.HasPermissionAsync(person, permission);
                }

                if (!holds)
                {
                    missing.Add(permission.Name);
                }
            }

            if (missing.Count > 0)
            {
                var names = string.Join(", ", missing.Select(m => $"'{m}'"));
                denials.Add(step.Error("", declared is null
                    ? T["declares no permission, so only someone holding every permission may run it; you do not hold {0}.", names]
                    : T["needs {0}, which you do not hold.", names]));
            }
        }

        return denials;
    }
}
