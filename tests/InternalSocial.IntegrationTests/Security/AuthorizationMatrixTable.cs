using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// One row of the authorization matrix: a route, the request sent to it, and the status each caller must get, in the
/// order of <see cref="AuthorizationMatrixTable.Callers"/>, as one space-separated string so a row reads on one line.
/// </summary>
public sealed class MatrixRow
{
    /// <summary>The path sent, relative to the tenant; {placeholders} name the site's people and content.</summary>
    public string Request { get; set; } = "";

    /// <summary>The JSON body of an API call, or the fields of a form (besides its antiforgery token). An API call that
    /// changes something gets <c>{}</c> when this is absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Body { get; set; }

    public string Expect { get; set; } = "";

    /// <summary>Rows run by phase: 1 after the others (it resets what they rely on), 2 at the very end (it ends the
    /// caller's session).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Phase { get; set; }

    /// <summary>Why the row is what it is, where that is not obvious.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

/// <summary>The table file: every route of a fully featured tenant × every caller, with the status each gets.</summary>
public sealed class AuthorizationMatrixTable
{
    public static readonly string[] Callers = ["anonymous", "guest", "employee", "member", "owner", "moderator", "director", "admin", "otherTenant"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string[] CallerOrder { get; set; } = Callers;

    /// <summary>Keyed by "METHOD /route/pattern" exactly as the endpoint data source has it.</summary>
    public SortedDictionary<string, MatrixRow> Routes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The file in the source tree (found from the test's build output), so that recording writes it there.</summary>
    public static string SourcePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InternalSocial.IntegrationTests.csproj")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "Security", "AuthorizationMatrix.json");
        }
    }

    public static AuthorizationMatrixTable Load() =>
        File.Exists(SourcePath) ? JsonSerializer.Deserialize<AuthorizationMatrixTable>(File.ReadAllText(SourcePath), Options)! : new();

    public void Save() => File.WriteAllText(SourcePath, JsonSerializer.Serialize(this, Options) + "\n");
}
