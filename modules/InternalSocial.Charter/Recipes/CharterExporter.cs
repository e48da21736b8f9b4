using System.Text.Json.Nodes;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel.Recipes;

namespace InternalSocial.Charter.Recipes;

/// <summary>Exports the current version of each audience's charter and the settings as a charter step; never who accepted it.</summary>
internal sealed class CharterExporter(CharterVersions versions, CharterSettingsService settings) : IRecipeExporter
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

        var current = await settings.GetAsync(cancellationToken);
        if (items.Count == 0 && current == new CharterSettings())
        {
            return [];
        }

        var step = new JsonObject { ["name"] = "charter", ["versions"] = items };
        step["settings"] = new JsonObject
        {
            ["gateEmployees"] = current.GateEmployees,
            ["gateGuests"] = current.GateGuests,
            ["graceDays"] = current.GraceDays,
            ["editorialExpanded"] = current.EditorialExpanded,
        };
        return [step];
    }
}
