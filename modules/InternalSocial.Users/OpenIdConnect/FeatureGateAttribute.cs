using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>
/// Answers 404 while the feature is off. A module's controllers exist as soon as one of its features is on; this one's
/// services exist only with its feature, and a resource filter runs before the controller is created.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class FeatureGateAttribute(string featureId) : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HttpContext.RequestServices.GetRequiredService<ShellFeatures>().IsEnabled(featureId))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
