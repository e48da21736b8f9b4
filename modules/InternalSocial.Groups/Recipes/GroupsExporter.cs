using System.Text.Json.Nodes;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Recipes;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Recipes;

/// <summary>Exports every group's configuration (settings, modules, rules); never its members, who are personal data.</summary>
internal sealed class GroupsExporter(GroupsDbContext db) : IRecipeExporter
{
    public int Order => 100;

    public static string Camel(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var all = await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        if (all.Count == 0)
        {
            return [];
        }

        var settings = (await db.ModuleSettings.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.GroupId);
        var rules = (await db.MembershipRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken)).ToLookup(r => r.GroupId);
        var groups = new JsonArray();
        foreach (var group in all)
        {
            var node = new JsonObject
            {
                ["slug"] = group.Slug,
                ["name"] = group.Name,
                ["description"] = group.Description,
                ["type"] = Camel(group.Type.ToString()),
                ["visibility"] = Camel(group.Visibility.ToString()),
                ["postingPolicy"] = Camel(group.PostingPolicy.ToString()),
                ["postsNeedApproval"] = group.PostsNeedApproval,
                ["mandatory"] = group.IsMandatory,
                ["archived"] = group.IsArchived,
            };
            if (settings[group.Id].Any())
            {
                node["modules"] = new JsonObject(settings[group.Id].OrderBy(s => s.ModuleKey, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.ModuleKey, (JsonNode?)JsonValue.Create(s.IsEnabled))));
            }

            node["rules"] = new JsonArray([.. rules[group.Id].Select(r => (JsonNode)new JsonObject { ["kind"] = Camel(r.Kind.ToString()), ["value"] = r.Value })]);
            groups.Add(node);
        }

        return [new JsonObject { ["name"] = "groups", ["groups"] = groups }];
    }
}
