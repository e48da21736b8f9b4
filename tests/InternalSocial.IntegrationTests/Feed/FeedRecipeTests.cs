using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>The feed's recipe steps: curated tags, the reaction set and sample posts, validated and idempotent.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedRecipeTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    [Fact]
    public async Task Tags_reactions_and_sample_posts_apply_once_however_often_the_recipe_runs()
    {
        var recipe = new
        {
            name = "feed-demo",
            steps = new object[]
            {
                new { name = "tags", tags = new object[] { new { name = "#Safety", description = "Health and safety", official = true, pinned = true } } },
                new { name = "reactions", reactions = new object[] { new { key = "like", label = "Like", emoji = "👍" }, new { key = "thanks", label = "Thanks", emoji = "🙏" } } },
                new { name = "sample-posts", count = "{{samplePosts}}", authors = new[] { "admin" }, tags = new[] { "welcome" } },
            },
            variables = new Dictionary<string, string> { ["samplePosts"] = "7" },
        };
        for (var run = 0; run < 2; run++)
        {
            await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var types = await (await tenant.Admin.GetAsync("api/v1/feed/reaction-types")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["like", "thanks"], types.EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        var tags = await (await tenant.Admin.GetAsync("api/v1/feed/tags")).ExpectJsonAsync(HttpStatusCode.OK);
        var safety = tags.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "safety");
        Assert.True(safety.GetProperty("isOfficial").GetBoolean() && safety.GetProperty("isPinned").GetBoolean());
        var feed = await (await tenant.Admin.GetAsync("api/v1/feed?filter=tag:welcome&pageSize=50")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, feed.GetProperty("items").GetArrayLength());
        Assert.All(feed.GetProperty("items").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("commentCount").GetInt32()));
    }

    [Fact]
    public async Task A_bad_step_names_the_field_and_changes_nothing()
    {
        var recipe = new
        {
            name = "feed-bad",
            steps = new object[]
            {
                new { name = "tags", tags = new object[] { new { name = "not a tag" } } },
                new { name = "sample-posts", count = "many", authors = new[] { "nobody-at-all" } },
            },
        };
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var text = problem.GetProperty("errors").ToString();
        Assert.Contains("tags[0].name", text, StringComparison.Ordinal);
        Assert.Contains("count", text, StringComparison.Ordinal);
        Assert.Contains("authors[0]", text, StringComparison.Ordinal);
        var tags = await (await tenant.Admin.GetAsync("api/v1/feed/tags")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(tags.EnumerateArray(), t => t.GetProperty("name").GetString() == "not a tag");
    }
}

/// <summary>Sample posts without named authors come from the organisation's people (a tenant of its own: post numbers are shared).</summary>
[Collection(WebCollection.Name)]
public sealed class FeedSamplePostsAuthorsTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    [Fact]
    public async Task Without_authors_the_sample_posts_are_spread_over_the_employees()
    {
        var (aliceId, _) = await tenant.CreateMemberAsync("alice", "Employee");
        var (bobId, _) = await tenant.CreateMemberAsync("bob", "Employee");
        var recipe = new { name = "spread", steps = new object[] { new { name = "sample-posts", count = 9, tags = new[] { "spread" } } } };

        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);

        var feed = await (await tenant.Admin.GetAsync("api/v1/feed?filter=tag:spread&pageSize=50")).ExpectJsonAsync(HttpStatusCode.OK);
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(9, items.Count);
        var authors = items.Select(p => p.GetProperty("author").GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(aliceId, authors);
        Assert.Contains(bobId, authors);
        Assert.True(authors.Count >= 3, $"Authors: {string.Join(", ", authors)}");
        Assert.All(items, p => Assert.True(p.GetProperty("reactions").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()) >= 3));
    }
}
