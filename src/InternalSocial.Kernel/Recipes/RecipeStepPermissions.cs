using InternalSocial.Kernel.Security;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Permissions that a module declares for a step it does not own. The kernel's <c>features</c>, <c>settings</c> and
/// <c>theme</c> steps change what a module's pages change, under that module's permissions, which the kernel cannot
/// name; the module says which in its startup (<c>services.Configure&lt;RecipeStepPermissions&gt;(…)</c>).
/// </summary>
public sealed class RecipeStepPermissions
{
    private readonly Dictionary<string, List<Permission>> _byStep = new(StringComparer.Ordinal);

    public void Require(string stepName, params Permission[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        if (!_byStep.TryGetValue(stepName, out var list))
        {
            _byStep[stepName] = list = [];
        }

        list.AddRange(permissions);
    }

    /// <summary>What the modules declared for the step; null when none did.</summary>
    public IReadOnlyCollection<Permission>? For(string stepName) => _byStep.GetValueOrDefault(stepName);
}
