using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace InternalSocial.Kernel.Mvc;

/// <summary>
/// ASP.NET's <see cref="ViewComponentFeatureProvider"/> takes only public classes; this one also takes the internal
/// view components of the modules' assemblies, for the reason <see cref="ModuleControllerFeatureProvider"/> gives.
/// </summary>
public sealed class ModuleViewComponentFeatureProvider : IApplicationFeatureProvider<ViewComponentFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ViewComponentFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        foreach (var type in parts.OfType<IApplicationPartTypeProvider>().SelectMany(part => part.Types))
        {
            if (IsViewComponent(type) && !feature.ViewComponents.Contains(type))
            {
                feature.ViewComponents.Add(type);
            }
        }
    }

    private static bool IsViewComponent(TypeInfo type) =>
        // Top-level classes only, public or internal; nested types stay excluded, as ASP.NET excludes them.
        !type.IsNested
        && type.IsClass
        && !type.IsAbstract
        && !type.ContainsGenericParameters
        && !type.IsDefined(typeof(NonViewComponentAttribute))
        && (type.Name.EndsWith("ViewComponent", StringComparison.OrdinalIgnoreCase) || type.IsDefined(typeof(ViewComponentAttribute)));
}
