using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>
/// <c>{ "name": "openid-connect", "providerName": "Contoso", "authority": "https://…", "clientId": "…",
/// "clientSecret": "{{oidcClientSecret}}", "scopes": ["profile", "email"], "autoProvision": true,
/// "allowedDomains": ["contoso.com"] }</c>. Absent fields keep their value. The client secret may only come from a
/// variable, given when the recipe runs: a secret is never written in a recipe file.
/// </summary>
internal sealed partial class OpenIdConnectRecipeStep(OpenIdConnectSettingsService settings) : IRecipeStepHandler
{
    private static readonly string[] Fields = ["providerName", "authority", "clientId", "clientSecret", "scopes", "autoProvision", "allowedDomains"];

    public string StepName => "openid-connect";

    /// <summary>Absent fields keep their value: two steps are one with the later fields laid over the earlier.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Overlay(null, "");

    /// <summary>As the single sign-on page: who controls sign-in controls every account, so the same right as roles (<see cref="Permissions.ManageRoles"/>).</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([OpenIdConnectSettingsService.Permission]);

    public async Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", Fields);
        var input = Read(reader, step.Data);
        if (step.Data["clientSecret"] is not null
            && !(step.Recipe.Steps[step.Index]["clientSecret"] is JsonValue raw && raw.TryGetValue<string>(out var text) && VariableOnly().IsMatch(text)))
        {
            reader.Error("clientSecret", "must be a variable alone, such as \"{{oidcClientSecret}}\", given when the recipe runs: a secret is never written in a recipe.");
        }

        var (_, problems) = await settings.ValidateAsync(input, await settings.GetAsync(cancellationToken), cancellationToken);
        foreach (var (field, problem) in problems)
        {
            reader.Error(field, problem);
        }
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        await settings.SaveCheckedAsync(Read(new RecipeStepReader(step, []), step.Data), cancellationToken);
    }

    private static OpenIdConnectSettingsInput Read(RecipeStepReader reader, JsonObject data) => new(
        reader.Text(data, "", "providerName"),
        reader.Text(data, "", "authority"),
        reader.Text(data, "", "clientId"),
        reader.Text(data, "", "clientSecret"),
        data["scopes"] is null ? null : reader.Texts(data, "", "scopes"),
        reader.Flag(data, "", "autoProvision"),
        data["allowedDomains"] is null ? null : reader.Texts(data, "", "allowedDomains"));

    [GeneratedRegex(@"^\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}$")]
    private static partial Regex VariableOnly();
}

/// <summary>Exports the provider's settings without the client secret (importing keeps the target's own secret).</summary>
internal sealed class OpenIdConnectRecipeExporter(OpenIdConnectSettingsService settings) : IRecipeExporter
{
    public int Order => 150;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        if (!current.IsConfigured)
        {
            return [];
        }

        return
        [
            new JsonObject
            {
                ["name"] = "openid-connect",
                ["providerName"] = current.ProviderName,
                ["authority"] = current.Authority,
                ["clientId"] = current.ClientId,
                ["scopes"] = new JsonArray([.. current.Scopes.Select(s => (JsonNode)s)]),
                ["autoProvision"] = current.AutoProvision,
                ["allowedDomains"] = new JsonArray([.. current.AllowedDomains.Select(d => (JsonNode)d)]),
            },
        ];
    }
}
