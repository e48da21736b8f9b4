using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace InternalSocial.Groups.Controllers;

/// <summary>Pages turn the services' exceptions into a 404 or 403 page, never a stack of details.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class GroupPageErrorsAttribute : Attribute, IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            PermissionDeniedException => StatusCodes.Status403Forbidden,
            _ => 0,
        };
        if (status != 0)
        {
            context.Result = new ViewResult { ViewName = "Status", StatusCode = status, ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<int>(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState) { Model = status } };
            context.ExceptionHandled = true;
        }
    }
}
