using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Recipes;

/// <summary>
/// <c>{ "name": "tags", "tags": [ { "name": "safety", "description": "…", "official": true, "pinned": true } ] }</c>:
/// upserts the organisation's curated tags by name.
/// </summary>
public sealed class TagsRecipeStep(FeedDbContext db, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
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
            if (name is not null && !PostWriter.IsTag(name.TrimStart('#')))
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

/// <summary>
/// <c>{ "name": "reactions", "reactions": [ { "key": "like", "label": "Like", "emoji": "👍" } ] }</c>: the reaction set,
/// in this order. Kinds left out are no longer offered (reactions already given stay counted).
/// </summary>
public sealed class ReactionsRecipeStep(FeedDbContext db, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
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

/// <summary>
/// <c>{ "name": "sample-posts", "count": "{{samplePosts}}", "authors": ["admin"], "tags": ["welcome"] }</c>: demo
/// content written by existing people, with a comment and reactions on each. Sample post n is created once, however
/// often the recipe runs.
/// </summary>
public sealed class SamplePostsRecipeStep(FeedDbContext db, IPeopleLookup people, PostWriter writer, TimeProvider clock, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public const int MaxCount = 100_000;

    private static readonly string[] Openings =
    [
        "Great news from the #{0} team: the new process is live.",
        "Reminder: please read the updated #{0} guidelines before Friday.",
        "Thanks to everyone who joined the #{0} workshop yesterday!",
        "Who has tips on #{0}? Share them below.",
        "Our #{0} results for the quarter are in, and they look **good**.",
    ];

    public string StepName => "sample-posts";

    /// <summary>Writes posts in other people's names: posting, and the right to edit anyone's posts.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.Post, Permissions.Moderate]);

    public async Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "count", "authors", "tags");
        if (Count(step.Data) is null)
        {
            reader.Error("count", T["must be a whole number from 0 to {0}.", MaxCount]);
        }

        var authors = reader.Texts(step.Data, "", "authors");
        if (authors.Count > 0)
        {
            var found = await people.GetByUserNamesAsync(authors, cancellationToken);
            for (var i = 0; i < authors.Count; i++)
            {
                if (!found.ContainsKey(authors[i].ToUpperInvariant()))
                {
                    reader.Error($"authors[{i}]", T["no user is called '{0}'.", authors[i]]);
                }
            }
        }

        var tags = reader.Texts(step.Data, "", "tags");
        for (var i = 0; i < tags.Count; i++)
        {
            if (!PostWriter.IsTag(tags[i]))
            {
                reader.Error($"tags[{i}]", T["must be 1 to 50 letters, digits, '-' or '_'."]);
            }
        }
    }

    private const int ChunkSize = 500;

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var count = Count(step.Data)!.Value;
        var authors = await AuthorsAsync(step.Data, cancellationToken);
        var tags = step.Data["tags"] is JsonArray tagArray ? tagArray.OfType<JsonValue>().Select(v => v.GetValue<string>().ToLowerInvariant()).ToList() : ["welcome", "news", "safety"];
        if (authors.Count == 0 || count == 0)
        {
            return;
        }

        var done = (await db.Posts.Where(p => p.BatchId != null && p.BatchId.StartsWith("sample-")).Select(p => p.BatchId!).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = Enumerable.Range(0, count).Where(i => !done.Contains("sample-" + i.ToString(CultureInfo.InvariantCulture))).ToList();

        // In chunks, with the change tracker emptied after each: one tracker holding 100,000 posts makes every
        // save slower than the last.
        foreach (var chunk in pending.Chunk(ChunkSize))
        {
            var posts = new List<(Post Post, IReadOnlyList<string> Tags, int Index)>();
            foreach (var i in chunk)
            {
                var tag = tags[i % tags.Count];
                var body = string.Format(CultureInfo.InvariantCulture, Openings[i % Openings.Length], tag);
                var rendered = await writer.RenderAsync(body, cancellationToken);
                var post = new Post
                {
                    AuthorId = authors[i % authors.Count],
                    Body = body,
                    Html = rendered.Html,
                    BatchId = "sample-" + i.ToString(CultureInfo.InvariantCulture),
                    PublishedUtc = now.AddMinutes(-(count - i)),
                    CreatedUtc = now,
                };
                db.Posts.Add(post);
                posts.Add((post, rendered.Tags, i));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (post, postTags, i) in posts)
            {
                db.PostTags.AddRange(postTags.Select(t => new PostTag { PostId = post.Id, Tag = t }));
                var commenter = authors[(i + 1) % authors.Count];
                db.Comments.Add(new Comment { PostId = post.Id, AuthorId = commenter, Body = "Thanks for sharing!", Html = "<p>Thanks for sharing!</p>", CreatedUtc = now });
                // Three colleagues react, a different three from one post to the next.
                foreach (var reactor in Enumerable.Range(2, Math.Min(3, authors.Count)).Select(k => authors[(i + k) % authors.Count]).Distinct())
                {
                    db.PostReactions.Add(new PostReaction { PostId = post.Id, UserId = reactor, Type = "like", CreatedUtc = now });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The named users; without names, the organisation's employees (so the posts of a demo come from its people, not
    /// all from the administrator), else the administrator. Ordered, so that post <i>n</i> has the same author each run.
    /// </summary>
    private async Task<List<string>> AuthorsAsync(JsonObject data, CancellationToken cancellationToken)
    {
        if (data["authors"] is JsonArray array)
        {
            var names = array.OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList();
            return [.. (await people.GetByUserNamesAsync(names, cancellationToken)).Values.OrderBy(p => p.UserName, StringComparer.Ordinal).Select(p => p.Id)];
        }

        var employees = await people.GetActiveEmployeeIdsAsync([], [], cancellationToken);
        return employees.Count > 0
            ? [.. employees.Order(StringComparer.Ordinal)]
            : [.. (await people.GetByUserNamesAsync(["admin"], cancellationToken)).Values.Select(p => p.Id)];
    }

    private static int? Count(JsonObject data) => data["count"] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) && number is >= 0 and <= MaxCount => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= MaxCount => parsed,
        _ => null,
    };
}

/// <summary>Exports the curated tags and the reaction set.</summary>
public sealed class FeedExporter(FeedDbContext db) : IRecipeExporter
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
