using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InternalSocial.Kernel;

public static class ModelStateExtensions
{
    /// <summary>
    /// Shows a service's field errors next to the form's fields: the service names fields in camelCase
    /// (<c>siteName</c>), the form's properties are PascalCase, under <paramref name="prefix"/> for a nested model.
    /// An error the form has no field for goes to the summary.
    /// </summary>
    public static void AddInputErrors(this ModelStateDictionary modelState, InvalidInputException invalid, string prefix = "", IReadOnlyCollection<string>? formFields = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(invalid);
        foreach (var (field, problem) in invalid.Errors)
        {
            var property = field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];
            var key = formFields is not null && !formFields.Contains(property) ? "" : prefix + property;
            modelState.AddModelError(key, problem);
        }
    }
}
