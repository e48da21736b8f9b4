using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel;

/// <summary>
/// A JSON body the framework could not bind, as a validation problem naming the field: a field the endpoint does not
/// know (unmapped members are refused, see ShellContainerFactory) or a value of the wrong kind.
/// </summary>
public static class JsonBodyProblem
{
    /// <summary>The problem for <paramref name="bad"/> when a JSON error caused it; otherwise null.</summary>
    public static IResult? From(BadHttpRequestException bad, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(bad);
        ArgumentNullException.ThrowIfNull(T);
        if (bad.InnerException is not JsonException json)
        {
            return null;
        }

        var field = FieldOf(json.Path);
        // System.Text.Json has no distinct type for an unmapped member; its message is the only sign, and is not localized.
        var unknown = json.Message.StartsWith("The JSON property '", StringComparison.Ordinal)
            && json.Message.Contains("could not be mapped", StringComparison.Ordinal);
        string problem = unknown
            ? T["'{0}' is not a field of this request: remove it or check its spelling.", field]
            : field == "body"
                ? T["The body is not valid JSON."]
                : T["'{0}' has a value of the wrong kind.", field];
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [problem] },
            title: T["One or more fields are invalid."]);
    }

    /// <summary>"$.profile.department" → "profile.department"; the root or no path → "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
