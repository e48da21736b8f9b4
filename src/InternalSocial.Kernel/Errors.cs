using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel;

/// <summary>Something asked for by id that does not exist (404).</summary>
public class NotFoundException(string message) : Exception(message);

/// <summary>A request that conflicts with the current state (409).</summary>
public class ConflictException(string message) : Exception(message);

/// <summary>Turns the kernel's exceptions into RFC 7807 problem details, with titles in the request's language.</summary>
public static class ProblemResults
{
    /// <param name="T">The kernel's texts, from the request's services (see <see cref="Texts"/>).</param>
    public static IResult? FromException(Exception exception, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        return exception switch
        {
            InvalidInputException validation => TypedResults.ValidationProblem(
                validation.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                title: T["One or more fields are invalid."]),
            Recipes.RecipeException recipe => TypedResults.ValidationProblem(
                recipe.Errors.GroupBy(RecipeErrorKey).ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray()),
                detail: recipe.Message,
                title: T["The recipe is invalid; nothing was applied."]),
            Recipes.RecipeDeniedException denied => TypedResults.Problem(
                denied.Message,
                statusCode: StatusCodes.Status403Forbidden,
                title: T["You may not run every step of this recipe; nothing was applied."],
                extensions: new Dictionary<string, object?> { ["errors"] = denied.Denials.GroupBy(RecipeErrorKey).ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray()) }),
            Recipes.RecipeStepFailedException failed => TypedResults.Problem(failed.Message, statusCode: StatusCodes.Status400BadRequest, title: T["A recipe step failed; the recipe was undone."]),
            NotFoundException or Modules.UnknownFeatureException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound),
            ConflictException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict),
            PermissionDeniedException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden),
            Data.MigrationFailedException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status500InternalServerError, title: T["A database migration failed; the feature stays off."]),
            // A body the framework could not read (a broken multipart form, a truncated upload) is the client's error.
            BadHttpRequestException bad => JsonBodyProblem.From(bad, T) ?? TypedResults.Problem(T["The request could not be read; check its body and content type."], statusCode: bad.StatusCode),
            _ => null,
        };
    }

    /// <summary>"file", or "file step 2 'features' enable[0]": where a recipe problem is.</summary>
    private static string RecipeErrorKey(Recipes.RecipeError error) =>
        (error.StepIndex is null ? error.FileName : $"{error.FileName} step {error.StepIndex + 1} '{error.StepName}'")
        + (error.Field.Length == 0 ? "" : " " + error.Field);

    /// <summary>The last resort of a tenant pipeline: known kernel exceptions as their problem, anything else as 500.</summary>
    public static async Task WriteUnhandledAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var T = Texts(context);
        var known = exception is null ? null : FromException(exception, T);
        if (known is not null)
        {
            await known.ExecuteAsync(context);
            return;
        }

        // The exception handler middleware has logged the exception already.
        await TypedResults.Problem(T["An unexpected error occurred."], statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
    }

    /// <summary>The kernel's texts for this request; the request localization middleware has set its culture.</summary>
    public static IStringLocalizer Texts(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IStringLocalizer<KernelResources>>();
    }
}

public static class ApiEndpointExtensions
{
    /// <summary>
    /// A group of JSON API endpoints under <c>/api/v1/{path}</c>: kernel exceptions become problem details, a call that
    /// changes something with the sign-in cookie must carry the antiforgery token (<see cref="ApiAntiforgery"/>), and the
    /// OpenAPI document lists them under <paramref name="tag"/>.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string path, string tag)
    {
        var group = endpoints.MapGroup("/api/v1/" + path.Trim('/')).WithTags(tag);
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception exception) when (ProblemResults.FromException(exception, ProblemResults.Texts(context.HttpContext)) is { } result)
            {
                return result;
            }
        });
        // The framework's form antiforgery would also refuse personal access tokens, which need none: the API checks
        // its own way, the token only where the sign-in cookie authenticates (ApiAntiforgery).
        group.DisableAntiforgery();
        group.AddEndpointFilter(ApiAntiforgery.FilterAsync);
        return group;
    }
}
