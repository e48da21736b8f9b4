using System.Text.Json.Nodes;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel.Recipes;

namespace InternalSocial.Charter.Recipes;

/// <summary>Exports the current version of each audience's charter as a charter step; never who accepted it.</summary>
internal sealed class CharterExporter(CharterVersions versions) : IRecipeExporter
{
    public int Order => 250;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        foreach (var audience in CharterAudiences.All)
        {
            if (await versions.LatestAsync(audience, cancellationToken) is not { } latest)
            {
                continue;
            }

            var texts = new JsonObject();
            foreach (var (language, markdown) in await versions.TextsAsync(latest.Id, cancellationToken))
            {
                texts[language] = markdown;
            }

            items.Add(new JsonObject { ["audience"] = audience, ["material"] = latest.Material, ["texts"] = texts });
        }

        return items.Count == 0 ? [] : [new JsonObject { ["name"] = "charter", ["versions"] = items }];
    }
}
