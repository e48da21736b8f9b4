using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Kernel;

/// <summary>Something asked for by id that does not exist (404).</summary>
public class NotFoundException(string message) : Exception(message);

/// <summary>A request that conflicts with the current state (409).</summary>
public class ConflictException(string message) : Exception(message);

/// <summary>Turns the kernel's exceptions into RFC 7807 problem details.</summary>
public static class ProblemResults
{
    public static IResult? FromException(Exception exception) => exception switch
    {
        InvalidInputException validation => TypedResults.ValidationProblem(
            validation.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
            title: "One or more fields are invalid."),
        Recipes.RecipeException recipe => TypedResults.ValidationProblem(
            recipe.Errors.GroupBy(RecipeErrorKey).ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray()),
            detail: recipe.Message,
            title: "The recipe is invalid; nothing was applied."),
        Recipes.RecipeStepFailedException failed => TypedResults.Problem(failed.Message, statusCode: StatusCodes.Status400BadRequest, title: "A recipe step failed; the recipe was undone."),
        NotFoundException or Modules.UnknownFeatureException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound),
        ConflictException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict),
        PermissionDeniedException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden),
        Data.MigrationFailedException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status500InternalServerError, title: "A database migration failed; the feature stays off."),
        _ => null,
    };

    /// <summary>"file", or "file step 2 'features' enable[0]": where a recipe problem is.</summary>
    private static string RecipeErrorKey(Recipes.RecipeError error) =>
        (error.StepIndex is null ? error.FileName : $"{error.FileName} step {error.StepIndex + 1} '{error.StepName}'")
        + (error.Field.Length == 0 ? "" : " " + error.Field);

    /// <summary>The last resort of a tenant pipeline: known kernel exceptions as their problem, anything else as 500.</summary>
    public static async Task WriteUnhandledAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var known = exception is null ? null : FromException(exception);
        if (known is not null)
        {
            await known.ExecuteAsync(context);
            return;
        }

        // The exception handler middleware has logged the exception already.
        await TypedResults.Problem("An unexpected error occurred.", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
    }
}

public static class ApiEndpointExtensions
{
    /// <summary>
    /// A group of JSON API endpoints under <c>/api/v1/{path}</c>: kernel exceptions become problem details, and the
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
            catch (Exception exception) when (FromExceptionOrNull(exception) is { } result)
            {
                return result;
            }
        });
        // The API is for scripts and tokens; forms have their own antiforgery-protected pages.
        group.DisableAntiforgery();
        return group;
    }

    private static IResult? FromExceptionOrNull(Exception exception) => ProblemResults.FromException(exception);

    public static ProblemHttpResult NotFoundProblem(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
