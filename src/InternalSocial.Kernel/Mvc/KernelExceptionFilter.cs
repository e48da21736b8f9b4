using System.Globalization;
using System.Text.RegularExpressions;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Kernel.Mvc;

/// <summary>
/// The pages' counterpart of <see cref="ApiEndpointExtensions.MapApiGroup"/>'s filter, so that controllers need no
/// <c>catch</c> for the kernel's exceptions: a missing thing is 404, a refusal 403, bad input 400 and a conflict 409 (the
/// statuses the error handler's problem details had), each shown by the tenant's status page. A page that sends a refused
/// person to the access-denied page instead keeps its <c>Forbid()</c>. An action marked
/// <see cref="RedirectOnErrorAttribute"/> instead goes back to its page with the problem as the error message.
/// A form that re-renders itself with the errors beside its fields keeps its own <c>catch</c>: only it knows its model.
/// </summary>
public sealed partial class KernelExceptionFilter(ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ExceptionHandled)
        {
            return;
        }

        var redirect = context.ActionDescriptor.EndpointMetadata.OfType<RedirectOnErrorAttribute>().FirstOrDefault();
        var result = redirect is not null && redirect.Exceptions.Any(type => type.IsInstanceOfType(context.Exception))
            ? RedirectWithError(context, redirect)
            : StatusFor(context.Exception);
        if (result is not null)
        {
            context.Result = result;
            context.ExceptionHandled = true;
        }
    }

    /// <summary>What a page answers to a kernel exception; null for any other exception (the tenant's error handler takes it).</summary>
    public static IActionResult? StatusFor(Exception exception) => exception switch
    {
        NotFoundException => new NotFoundResult(),
        PermissionDeniedException => new StatusCodeResult(StatusCodes.Status403Forbidden),
        InvalidInputException => new BadRequestResult(),
        ConflictException => new StatusCodeResult(StatusCodes.Status409Conflict),
        _ => null,
    };

    /// <summary>The message a page shows for a kernel exception: every field's problem, or the exception's message.</summary>
    public static string MessageFor(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is InvalidInputException invalid ? string.Join(" ", invalid.Errors.Values) : exception.Message;
    }

    /// <summary>The attribute's address with each <c>{name}</c> replaced by that route value, escaped.</summary>
    public static string Expand(string url, RouteValueDictionary values)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(url, match => Uri.EscapeDataString(
            Convert.ToString(values.TryGetValue(match.Groups[1].Value, out var value) ? value : "", CultureInfo.InvariantCulture) ?? ""));
    }

    private RedirectResult RedirectWithError(ExceptionContext context, RedirectOnErrorAttribute redirect)
    {
        tempData.GetTempData(context.HttpContext)["Error"] = MessageFor(context.Exception);
        return new RedirectResult(Expand(redirect.Url, context.RouteData.Values));
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
