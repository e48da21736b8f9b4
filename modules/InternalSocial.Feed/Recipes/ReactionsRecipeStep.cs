using System.Text.Json.Nodes;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Recipes;

/// <summary>
/// <c>{ "name": "reactions", "reactions": [ { "key": "like", "label": "Like", "emoji": "👍" } ] }</c>: the reaction set,
/// in this order. Kinds left out are no longer offered (reactions already given stay counted).
/// </summary>
internal sealed class ReactionsRecipeStep(FeedDbContext db, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public string StepName => "reactions";

    /// <summary>The step sets the whole reaction set: the last one of a run is the set.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Replace(null, "");

    /// <summary>As the feed settings page, where the reactions are chosen: <see cref="Permissions.ManageTags"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageTags]);

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "reactions");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reactions = reader.Objects(step.Data, "", "reactions", required: true);
        if (reactions.Count is 0 or > 12)
        {
            reader.Error("reactions", T["must list 1 to 12 reactions."]);
        }

        foreach (var (reaction, path) in reactions)
        {
            reader.RejectUnknownFields(reaction, path, "key", "label", "emoji");
            var key = reader.Text(reaction, path, "key", required: true);
            if (key is not null && (key.Length > 32 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            {
                reader.Error($"{path}.key", T["must be at most 32 lower-case letters, digits or '-'."]);
            }
            else if (key is not null && !seen.Add(key))
            {
                reader.Error($"{path}.key", T["'{0}' is listed twice.", key]);
            }

            if (reader.Text(reaction, path, "label", required: true)?.Length > 50)
            {
                reader.Error($"{path}.label", T["must be at most 50 characters."]);
            }

            if (reader.Text(reaction, path, "emoji")?.Length > 16)
            {
                reader.Error($"{path}.emoji", T["must be at most 16 characters."]);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var wanted = step.Data["reactions"]!.AsArray().OfType<JsonObject>().ToList();
        var keys = wanted.Select(r => RecipeStepReader.TextOf(r, "key")!).ToList();
        await db.ReactionTypes.Where(r => !keys.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken);
        var existing = await db.ReactionTypes.ToDictionaryAsync(r => r.Key, cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (!existing.TryGetValue(keys[i], out var type))
            {
                type = new ReactionType { Key = keys[i], Label = "" };
                db.ReactionTypes.Add(type);
            }

            type.Label = RecipeStepReader.TextOf(wanted[i], "label")!;
            type.Emoji = RecipeStepReader.TextOf(wanted[i], "emoji") ?? "";
            type.Position = (i + 1) * 10;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
