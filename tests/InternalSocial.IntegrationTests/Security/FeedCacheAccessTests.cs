using System.Net;
using System.Net.Http.Json;
using InternalSocial.Feed.Services;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 3: the home feed's cached first page is kept under structured keys, and each of its posts is checked
/// against the reader before it is served: a cache never decides who reads what.
/// </summary>
public abstract class FeedCacheAccessTests(AudiencesTenant tenant)
{
    [SkippableFact]
    public async Task A_department_named_like_another_readers_streams_gets_neither_their_page_nor_their_group_posts()
    {
        tenant.SkipIfUnavailable();
        var circle = await tenant.GroupAsync("owner", "Cache circle", "Private", "member");
        var groupPost = await AudiencesTenant.PostAsync(tenant.Client("owner"), new { body = "Circle only: the acquisition", audience = new { groups = new[] { circle } } });
        var salesPost = await AudiencesTenant.PostAsync(tenant.Admin, new { body = "Sales only: the targets", audience = new { departments = new[] { "Sales" } } });
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{tenant.IdOf("member")}", new { department = "Sales" })).ExpectJsonAsync(HttpStatusCode.OK);

        // The old key joined "kind:value" with '|': this department made the outsider's key the member's
        // ("0:|1:Sales|3:<group>|20"). Only an administrator can set it now, but a name is no key either way.
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{tenant.IdOf("outsider")}", new { department = $"Sales|3:{circle}" })).ExpectJsonAsync(HttpStatusCode.OK);

        var member = await AudiencesTenant.HomeAsync(tenant.Client("member"));
        Assert.Contains(groupPost, member);
        Assert.Contains(salesPost, member);

        var outsider = await AudiencesTenant.HomeAsync(tenant.Client("outsider"));
        Assert.DoesNotContain(groupPost, outsider);
        Assert.DoesNotContain(salesPost, outsider);
        Assert.NotEqual(member, outsider);
    }

    [SkippableFact]
    public async Task A_post_whose_audience_moved_behind_the_cache_is_not_served_from_it()
    {
        tenant.SkipIfUnavailable();
        var (readerId, reader) = await tenant.CreatePersonAsync("cachefinance", Kernel.Security.BuiltInRoles.Employee);
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{readerId}", new { department = "Finance" })).ExpectJsonAsync(HttpStatusCode.OK);
        var targeted = await AudiencesTenant.PostAsync(tenant.Admin, new { body = "Finance only: the closing", audience = new { departments = new[] { "Finance" } } });
        Assert.Contains(targeted, await AudiencesTenant.HomeAsync(reader));
        Assert.Contains(targeted, await AudiencesTenant.HomeAsync(reader));

        // The audience changes without the feed's version (a change another node made, a missed bump): the page kept
        // for Finance still lists the post, and the check of each candidate against the reader drops it.
        var moved = await tenant.InScopeAsync(services => services.GetRequiredService<FeedDbContext>().Audiences
            .Where(a => a.PostId == targeted).ExecuteUpdateAsync(a => a.SetProperty(x => x.Value, "Marketing")));
        Assert.Equal(1, moved);

        Assert.DoesNotContain(targeted, await AudiencesTenant.HomeAsync(reader));
        await (await reader.GetAsync($"api/v1/posts/{targeted}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(WebCollection.Name)]
public sealed class FeedCacheAccessTestsOnSqlite(AudiencesSqliteTenant tenant) : FeedCacheAccessTests(tenant), IClassFixture<AudiencesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class FeedCacheAccessTestsOnPostgres(AudiencesPostgresTenant tenant) : FeedCacheAccessTests(tenant), IClassFixture<AudiencesPostgresTenant>;
