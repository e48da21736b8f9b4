using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Recipes;

/// <summary>
/// <c>{ "name": "people", "people": [ { "email": "…", "displayName": "…", "jobTitle", "department", "site", "manager": "boss e-mail",
/// "skills": [], "languages": [] } ], "generate": { "count": 200, "domain": "demo.example" } }</c>. Upserts people by
/// e-mail, like the CSV import; <c>generate</c> adds a sample organisation (the same people at every run, so running twice
/// changes nothing). Personal data never goes into an export: there is no exporter for this step.
/// </summary>
internal sealed class PeopleRecipeStep(PeopleImportService import, AccountPrivilege privilege, ILookupNormalizer normalizer, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public const int MaxGenerated = 100_000;

    public string StepName => "people";

    /// <summary>A person by e-mail; every listed field is written (an absent one as empty), so the last row wins.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Replace("people", "email") with { NormalizeKey = email => email.Trim().ToUpperInvariant() };

    /// <summary>
    /// As the people import, <see cref="Permissions.ManageUsers"/>; and since rows update the accounts whose e-mail they
    /// give, every permission those accounts hold (an administrator's: all of them), as for any change to an account.
    /// </summary>
    public async Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var emails = Csv.Read(new StringReader(FullCsv(step.Data))).Skip(1)
            .Where(record => record.Fields.Count > 0)
            .Select(record => normalizer.NormalizeEmail(record.Fields[0].Trim()))
            .ToList();
        return [Permissions.ManageUsers, .. await privilege.HeldByAccountsAsync(emails, cancellationToken)];
    }

    public async Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "people", "generate");
        var people = reader.Objects(step.Data, "", "people");
        foreach (var (person, path) in people)
        {
            reader.RejectUnknownFields(person, path, "email", "userName", "displayName", "jobTitle", "department", "site", "manager", "skills", "languages");
            reader.Text(person, path, "email", required: true);
            reader.Texts(person, path, "skills");
            reader.Texts(person, path, "languages");
        }

        if (step.Data["generate"] is JsonObject generate)
        {
            reader.RejectUnknownFields(generate, "generate", "count", "domain");
            if (GeneratedCount(generate) is not (>= 0 and <= MaxGenerated))
            {
                reader.Error("generate.count", T["must be a number from 0 to {0}.", MaxGenerated]);
            }

            var domain = reader.Text(generate, "generate", "domain");
            if (domain is not null && !System.Net.Mail.MailAddress.TryCreate("x@" + domain, out _))
            {
                reader.Error("generate.domain", T["must be an e-mail domain such as demo.example."]);
            }
        }
        else if (step.Data["generate"] is not null)
        {
            reader.Error("generate", T["must be an object { count, domain }."]);
        }

        if (errors.Count > 0 || people.Count == 0)
        {
            return;
        }

        // The import's own checks, without writing: each bad row is reported at its place in the step.
        var report = await import.ImportTrustedAsync(new StringReader(ToCsv(people.Select(p => p.Node))), dryRun: true, PeopleImportService.RecipeAuthor, cancellationToken);
        foreach (var error in report.Errors)
        {
            reader.Error($"people[{error.Line - 2}].{error.Field}", error.Reason);
        }
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var report = await import.ImportTrustedAsync(new StringReader(FullCsv(step.Data)), dryRun: false, PeopleImportService.RecipeAuthor, cancellationToken);
        if (report.Errors.Count > 0)
        {
            var first = report.Errors[0];
            throw new InvalidOperationException($"people: line {first.Line - 1}, {first.Field}: {first.Reason}");
        }
    }

    /// <summary>The people listed and those generated, as the import reads them.</summary>
    private static string FullCsv(JsonObject data)
    {
        var people = data["people"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];
        var csv = new StringBuilder(ToCsv(people));
        if (data["generate"] is JsonObject generate && GeneratedCount(generate) is > 0 and <= MaxGenerated and var count)
        {
            DemoPeople.AppendCsv(csv, count, RecipeStepReader.TextOf(generate, "domain") ?? "demo.example");
        }

        return csv.ToString();
    }

    private static int? GeneratedCount(JsonObject generate) => generate["count"] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    internal static string ToCsv(IEnumerable<JsonObject> people)
    {
        var csv = new StringBuilder(string.Join(",", PeopleImportService.Columns) + "\n");
        foreach (var person in people)
        {
            csv.AppendJoin(",", PeopleImportService.Columns.Select(column => Quote(person[column] switch
            {
                JsonArray list => string.Join(";", list.OfType<JsonValue>().Select(v => v.ToString())),
                JsonValue value => value.ToString(),
                _ => "",
            }))).Append('\n');
        }

        return csv.ToString();
    }

    internal static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// <c>{ "name": "profile-fields", "fields": [ { "id": "office", "label": "Office", "kind": "text", "choices": [], "visibility": "employees", "position": 1 } ] }</c>:
/// the custom profile fields, upserted by id.
/// </summary>
internal sealed class ProfileFieldsRecipeStep(ProfileFieldsService fields) : IRecipeStepHandler
{
    public string StepName => "profile-fields";

    /// <summary>A field by id: the later definition wins; an absent position keeps the earlier one, as the upsert does.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Replace("fields", "id", "position");

    /// <summary>As the profile fields API: <see cref="Permissions.ManageUsers"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageUsers]);

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "fields");
        foreach (var (field, path) in reader.Objects(step.Data, "", "fields", required: true))
        {
            reader.RejectUnknownFields(field, path, "id", "label", "kind", "choices", "visibility", "position");
            foreach (var (name, problem) in fields.Validate(RecipeStepReader.TextOf(field, "id"), Input(field)))
            {
                reader.Error($"{path}.{name}", problem);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        foreach (var field in step.Data["fields"]!.AsArray().OfType<JsonObject>())
        {
            await fields.UpsertTrustedAsync(RecipeStepReader.TextOf(field, "id")!, Input(field), cancellationToken);
        }
    }

    private static ProfileFieldInput Input(JsonObject field) => new(
        RecipeStepReader.TextOf(field, "label"),
        RecipeStepReader.TextOf(field, "kind"),
        field["choices"] is JsonArray choices ? [.. choices.OfType<JsonValue>().Select(c => c.ToString())] : null,
        RecipeStepReader.TextOf(field, "visibility"),
        field["position"] is JsonValue position && position.TryGetValue<int>(out var number) ? number : null);
}

/// <summary>Exports the custom profile fields (definitions only: never anybody's values).</summary>
internal sealed class ProfileFieldsExporter(ProfileFieldsService fields) : IRecipeExporter
{
    public int Order => -700;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var list = await fields.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return [];
        }

        var array = new JsonArray();
        foreach (var field in list)
        {
            var node = new JsonObject { ["id"] = field.Id, ["label"] = field.Label, ["kind"] = field.Kind, ["visibility"] = field.Visibility, ["position"] = field.Position };
            if (field.ChoiceList.Count > 0)
            {
                node["choices"] = new JsonArray([.. field.ChoiceList.Select(c => (JsonNode)c)]);
            }

            array.Add(node);
        }

        return [new JsonObject { ["name"] = "profile-fields", ["fields"] = array }];
    }
}
