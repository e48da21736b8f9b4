using System.Text.Json.Nodes;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Recipes;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Recipes;

/// <summary>Exports the curated tags and the reaction set.</summary>
internal sealed class FeedExporter(FeedDbContext db) : IRecipeExporter
{
    public int Order => 300;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var tags = await db.Tags.OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var reactions = await db.ReactionTypes.OrderBy(r => r.Position).ThenBy(r => r.Key).ToListAsync(cancellationToken);
        var steps = new List<JsonObject>
        {
            new()
            {
                ["name"] = "reactions",
                ["reactions"] = new JsonArray([.. reactions.Select(r => (JsonNode)new JsonObject { ["key"] = r.Key, ["label"] = r.Label, ["emoji"] = r.Emoji })]),
            },
        };
        if (tags.Count > 0)
        {
            steps.Add(new JsonObject
            {
                ["name"] = "tags",
                ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["official"] = t.IsOfficial, ["pinned"] = t.IsPinned })]),
            });
        }

        return steps;
    }
}
