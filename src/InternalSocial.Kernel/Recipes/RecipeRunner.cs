using System.Security.Claims;
using InternalSocial.Kernel.Security;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Who runs a recipe. A person (the recipes page or API) must hold, for every step, what that step declares
/// (<see cref="IRecipeStepHandler.RequiredPermissionsAsync"/>), since a recipe must not do more than its runner could do
/// by hand. The host operator (tenant setup, the command line) already controls the host, its files and databases, so
/// it holds every right; code must ask for it by name.
/// </summary>
public sealed class RecipeRunner
{
    private RecipeRunner(string name, ClaimsPrincipal? person)
    {
        Name = name;
        Person = person;
    }

    /// <summary>As recorded in the tenant's recipe history.</summary>
    public string Name { get; }

    /// <summary>The signed-in person; null for the host operator.</summary>
    public ClaimsPrincipal? Person { get; }

    public bool IsHostOperator => Person is null;

    /// <param name="name">Who acted, for the history: "command line (jane)", the first administrator at setup.</param>
    public static RecipeRunner HostOperator(string name) => new(string.IsNullOrWhiteSpace(name) ? "host operator" : name, null);

    public static RecipeRunner ForPerson(ClaimsPrincipal person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Identity?.Name ?? person.FindUserId() ?? "unknown", person);
    }
}
