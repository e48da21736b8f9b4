using System.Text.RegularExpressions;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// A first request for a route the table does not have yet, when recording: each route parameter becomes the site's
/// content it most likely names. A request that would change that content for later cells gets fresh content instead.
/// The recorded row is then read and corrected by hand, like any row.
/// </summary>
public static partial class MatrixRequests
{
    private static readonly string[] Destructive =
    [
        "delete", "erase", "deactivate", "reactivate", "leave", "archive", "remove", "roles", "guest", "join", "settings",
        "two-factor", "password-mail", "send",
    ];

    public static string Guess(string method, string pattern)
    {
        var segments = pattern.Trim('/').Split('/');
        var changes = method != "GET";
        var destructive = changes && (method == "DELETE" || segments.Any(s => Destructive.Contains(s, StringComparer.Ordinal))
            || (method == "PATCH" && segments.Contains("users", StringComparer.Ordinal)));
        for (var i = 0; i < segments.Length; i++)
        {
            var parameter = Parameter().Match(segments[i]);
            if (parameter.Success)
            {
                segments[i] = Value(i > 0 ? segments[i - 1] : "", parameter.Groups["name"].Value, parameter.Groups["rest"].Value, changes, destructive);
            }
        }

        return string.Join('/', segments);
    }

    private static string Value(string previous, string name, string constraint, bool changes, bool destructive)
    {
        var fresh = destructive ? "fresh." : "";
        if (constraint.StartsWith(":regex(^(", StringComparison.Ordinal))
        {
            return constraint[9..].Split('|')[0];
        }

        return (previous, name) switch
        {
            ("groups", _) => name == "key" ? $"{{{fresh}group.slug}}" : $"{{{fresh}group}}",
            ("posts", _) => $"{{{fresh}post}}",
            ("comments", _) => $"{{{fresh}comment}}",
            ("users", _) => $"{{{fresh}user}}",
            ("people", _) => $"{{{fresh}user.name}}",
            ("editions", _) or ("newsletter", "id") => $"{{{fresh}edition}}",
            ("workflows", _) => changes ? "missing-workflow" : "{workflow}",
            ("roles", _) => "MatrixRole",
            ("tenants", _) => "nosuchtenant",
            (_, "userId") => "{member.id}",
            (_, "tag") => changes ? "matrixtag" : "hr",
            (_, "userName") => "{user.name}",
            (_, "skill") => "matrix",
            _ => constraint == ":long" ? "999999999" : "missing",
        };
    }

    [GeneratedRegex(@"^\{(?<name>[A-Za-z]+)(?<rest>[^}]*)\}$")]
    private static partial Regex Parameter();
}
