using System.Text.Json.Nodes;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Recipes;

/// <summary>
/// <c>{ "name": "tags", "tags": [ { "name": "safety", "description": "…", "official": true, "pinned": true } ] }</c>:
/// upserts the organisation's curated tags by name.
/// </summary>
internal sealed class TagsRecipeStep(FeedDbContext db, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public string StepName => "tags";

    /// <summary>A tag by its name: the later definition wins; only an absent description keeps the earlier one.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Replace("tags", "name", "description") with { NormalizeKey = name => name.TrimStart('#').ToLowerInvariant() };

    /// <summary>As the tags page: <see cref="Permissions.ManageTags"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageTags]);

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "tags");
        foreach (var (tag, path) in reader.Objects(step.Data, "", "tags", required: true))
        {
            reader.RejectUnknownFields(tag, path, "name", "description", "official", "pinned");
            var name = reader.Text(tag, path, "name", required: true);
            if (name is not null && !PostValidator.IsTag(name.TrimStart('#')))
            {
                reader.Error($"{path}.name", T["must be 1 to 50 letters, digits, '-' or '_'."]);
            }

            if (reader.Text(tag, path, "description")?.Length > 300)
            {
                reader.Error($"{path}.description", T["must be at most 300 characters."]);
            }

            reader.Flag(tag, path, "official");
            reader.Flag(tag, path, "pinned");
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        foreach (var node in step.Data["tags"]!.AsArray().OfType<JsonObject>())
        {
            var name = RecipeStepReader.TextOf(node, "name")!.TrimStart('#').ToLowerInvariant();
            var tag = await db.Tags.FirstOrDefaultAsync(t => t.Name == name, cancellationToken);
            if (tag is null)
            {
                tag = new Tag { Name = name };
                db.Tags.Add(tag);
            }

            tag.Description = RecipeStepReader.TextOf(node, "description") ?? tag.Description;
            tag.IsOfficial = node["official"]?.GetValue<bool>() ?? true;
            tag.IsPinned = node["pinned"]?.GetValue<bool>() ?? false;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
