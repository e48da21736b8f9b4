using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Workflows;

/// <summary>
/// Issue 18, point 5: a submission goes through the workflows in one pass. The review before the save matches the
/// workflows; the event raised after it carries the post's text, tags and author, so nothing reads the post back, and a
/// post the review let through starts what the review matched without its conditions being evaluated again. Counted
/// with EF Core's commands on the tenant's database during the one request (reading <c>Workflows_Types</c> is how the
/// engine begins an evaluation of the start conditions).
/// </summary>
public abstract class SubmissionPassTests(SubmissionPassTests.Tenant tenant)
{
    [SkippableFact]
    public async Task A_post_the_review_lets_through_is_not_read_back_and_its_workflow_conditions_are_evaluated_once()
    {
        tenant.SkipIfUnavailable();
        var (postId, commands) = await CountedAsync(() => PostAsync("The canteen opens at noon on Friday #canteen"));

        Assert.Empty(TenantCommandRecorder.Selects(commands, "Feed_Posts"));
        Assert.Single(TenantCommandRecorder.Selects(commands, "Workflows_Types"));
        var post = await (await tenant.Writer.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Published", post.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task A_post_the_review_holds_is_not_read_back_and_its_workflow_starts_with_the_post_pending()
    {
        tenant.SkipIfUnavailable();
        var (postId, commands) = await CountedAsync(() => PostAsync("The salary review is postponed"));

        // Held, its facts change (post.isPending): the workflows see the new facts, once more; the post is still not read.
        Assert.Empty(TenantCommandRecorder.Selects(commands, "Feed_Posts"));
        Assert.Equal(2, TenantCommandRecorder.Selects(commands, "Workflows_Types").Count);
        var post = await (await tenant.Writer.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pending", post.GetProperty("status").GetString());
        var tasks = await (await tenant.Moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK);
        var task = Assert.Single(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("subjectId").GetString() == postId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("salary review", task.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private async Task<long> PostAsync(string body)
    {
        var created = await (await tenant.Writer.PostAsJsonAsync("api/v1/posts", new { body })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    /// <summary>The commands run on this tenant's database while <paramref name="action"/> runs.</summary>
    private async Task<(T Result, IReadOnlyList<string> Commands)> CountedAsync<T>(Func<Task<T>> action)
    {
        using var recorder = await TenantCommandRecorder.StartAsync(tenant.Name);
        var result = await action();
        return (result, recorder.Commands);
    }

    /// <summary>A tenant set up with the <c>moderated</c> recipe (its workflows hold posts with blocked words), a writer and a site moderator.</summary>
    public abstract class Tenant(Kernel.Shells.DatabaseProvider provider) : TestTenant(provider, "moderated")
    {
        private const string Password = "Subm1ssion-Password";

        public HttpClient Writer { get; private set; } = null!;

        public HttpClient Moderator { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!IsAvailable)
            {
                return;
            }

            await CreateUserAsync("writer", Password, BuiltInRoles.Employee);
            await CreateUserAsync("sitemod", Password, BuiltInRoles.Moderator);
            Writer = await Host.CreateTokenClientAsync(Prefix, "writer", Password);
            Moderator = await Host.CreateTokenClientAsync(Prefix, "sitemod", Password);
        }
    }

    public sealed class SqliteTenant() : Tenant(Kernel.Shells.DatabaseProvider.Sqlite);

    public sealed class PostgresTenant() : Tenant(Kernel.Shells.DatabaseProvider.Postgres);
}

[Collection(WebCollection.Name)]
public sealed class SubmissionPassOnSqlite(SubmissionPassTests.SqliteTenant tenant) : SubmissionPassTests(tenant), IClassFixture<SubmissionPassTests.SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SubmissionPassOnPostgres(SubmissionPassTests.PostgresTenant tenant) : SubmissionPassTests(tenant), IClassFixture<SubmissionPassTests.PostgresTenant>;
