using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace InternalSocial.Kernel.Mvc;

/// <summary>
/// ASP.NET's <see cref="ControllerFeatureProvider"/> takes only public classes, but a module keeps everything that is
/// not its contract <c>internal</c> (docs/decisions/0020). The application parts are the enabled modules' assemblies
/// only, so an internal controller found there is as intended as a public one. Nested types stay excluded, as ASP.NET
/// excludes them.
/// </summary>
public sealed class ModuleControllerFeatureProvider : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return base.IsController(typeInfo)
            || (typeInfo.IsNotPublic
                && typeInfo.IsClass
                && !typeInfo.IsAbstract
                && !typeInfo.ContainsGenericParameters
                && !typeInfo.IsDefined(typeof(NonControllerAttribute))
                && (typeInfo.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase)
                    || typeInfo.IsDefined(typeof(ControllerAttribute))));
    }
}
