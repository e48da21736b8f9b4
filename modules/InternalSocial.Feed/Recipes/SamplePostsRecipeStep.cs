using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Recipes;

/// <summary>
/// <c>{ "name": "sample-posts", "count": "{{samplePosts}}", "authors": ["admin"], "tags": ["welcome"] }</c>: demo
/// content written by existing people, with a comment and reactions on each. Sample post n is created once, however
/// often the recipe runs.
/// </summary>
internal sealed class SamplePostsRecipeStep(FeedDbContext db, IPeopleLookup people, PostRenderer renderer, TimeProvider clock, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
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
            if (!PostValidator.IsTag(tags[i]))
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
                var rendered = await renderer.RenderAsync(body, cancellationToken);
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
