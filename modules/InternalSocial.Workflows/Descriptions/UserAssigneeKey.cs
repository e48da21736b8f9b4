using System.Text.Json.Nodes;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Descriptions;

/// <summary><c>{ "user": "alice" }</c>: one person by user name; names of nobody active are dropped.</summary>
internal sealed class UserAssigneeKey() : AssigneeKey("user", AssigneeKinds.User, AssigneeValue.Name, 20, "Users", "users")
{
    public override string Example => """{ "user": "alice" }""";

    public override LocalizedString Label(IStringLocalizerFactory texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var T = texts.Create(typeof(ModuleResources));
        return T["User names (separated by commas)"];
    }

    public override async Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<JsonNode> values, AssigneeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(target);
        var names = values.Select(v => v.GetValue<string>().Trim()).ToList();
        var people = await target.Context.Services.GetRequiredService<IPeopleLookup>().GetByUserNamesAsync(names, cancellationToken);
        return [.. people.Values.Where(p => p.IsActive).Select(p => p.Id)];
    }
}
