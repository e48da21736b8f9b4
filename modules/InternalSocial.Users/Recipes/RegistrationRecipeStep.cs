using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Accounts;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Recipes;

/// <summary>
/// <c>{ "name": "registration", "policy": "AdminsOnly" | "InvitationOnly" | "SelfRegistrationByDomain", "allowedDomains": ["example.com"] }</c>:
/// who may create an account. Absent fields take their defaults (AdminsOnly, no domain).
/// </summary>
internal sealed class RegistrationRecipeStep(RegistrationService registration, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public string StepName => "registration";

    /// <summary>Absent fields take their defaults, so the last registration step of a run is the policy.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Replace(null, "");

    /// <summary>As the registration page: <see cref="Permissions.ManageUsers"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageUsers]);

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "policy", "allowedDomains");
        var policy = reader.Text(step.Data, "", "policy");
        var domains = reader.Texts(step.Data, "", "allowedDomains");
        try
        {
            RegistrationService.Validate(policy, domains, T);
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, problem) in invalid.Errors)
            {
                reader.Error(field, problem);
            }
        }

        return Task.CompletedTask;
    }

    public Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var domains = step.Data["allowedDomains"] is JsonArray array ? array.Select(d => d?.GetValue<string>() ?? "") : [];
        return registration.SaveTrustedAsync(RegistrationService.Validate(RecipeStepReader.TextOf(step.Data, "policy"), domains, T), cancellationToken);
    }
}

/// <summary>Exports the registration policy (no personal data: domains only).</summary>
internal sealed class RegistrationExporter(RegistrationService registration) : IRecipeExporter
{
    public int Order => -790;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var settings = await registration.GetAsync(cancellationToken);
        return
        [
            new JsonObject
            {
                ["name"] = "registration",
                ["policy"] = settings.Policy.ToString(),
                ["allowedDomains"] = new JsonArray([.. settings.AllowedDomains.Select(d => (JsonNode)d)]),
            },
        ];
    }
}
