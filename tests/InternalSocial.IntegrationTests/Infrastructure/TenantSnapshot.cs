using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Email.Services;
using InternalSocial.Feed.Services;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Data;
using InternalSocial.Newsletter.Services;
using InternalSocial.Notifications.Services;
using InternalSocial.QuickLinks.Services;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>
/// What a tenant's recipes decide, as readable JSON so that a failed comparison shows the difference: what the API
/// shows an administrator (features, settings, roles, workflows with versions, tags, reactions, quick links,
/// registration, profile fields), and from the tenant's services what no API lists whole (groups with their rules and
/// members, people with their roles, posts by state, the stored documents' versions, and counts of what a save leaves
/// behind: notifications, mails, audit and moderation entries, newsletter editions).
/// </summary>
public static class TenantSnapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<string> TakeAsync(TestTenant tenant, string name, HttpClient admin)
    {
        var snapshot = new JsonObject
        {
            ["features"] = await EnabledFeaturesAsync(admin),
            ["settings"] = await GetAsync(admin, "api/v1/settings"),
            ["roles"] = await GetAsync(admin, "api/v1/roles"),
            ["workflows"] = await GetAsync(admin, "api/v1/workflows"),
            ["tags"] = await GetAsync(admin, "api/v1/feed/tags/curation"),
            ["reactions"] = await GetAsync(admin, "api/v1/feed/reaction-types"),
            ["quickLinks"] = await GetAsync(admin, "api/v1/quicklinks"),
            ["registration"] = await GetAsync(admin, "api/v1/users/registration"),
            ["profileFields"] = await GetAsync(admin, "api/v1/profile-fields"),
        };
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var userNames = await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName!);
            snapshot["documents"] = Node(await services.GetRequiredService<KernelDbContext>().Documents.AsNoTracking()
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.Version }).ToListAsync());
            snapshot["people"] = await PeopleAsync(services.GetRequiredService<UsersDbContext>(), userNames);
            snapshot["groups"] = services.GetService<GroupsDbContext>() is { } groups ? await GroupsAsync(groups, userNames) : null;
            snapshot["posts"] = services.GetService<FeedDbContext>() is { } feed ? await PostsAsync(feed) : null;
            snapshot["counts"] = await CountsAsync(services);
        });

        return snapshot.ToJsonString(Indented);
    }

    private static async Task<JsonNode?> GetAsync(HttpClient admin, string path)
    {
        var response = await admin.GetAsync(path);
        // A module the recipe leaves off has no API: that is part of the state too.
        return response.StatusCode == HttpStatusCode.NotFound ? "(off)" : JsonNode.Parse((await response.ExpectJsonAsync(HttpStatusCode.OK)).GetRawText());
    }

    private static async Task<JsonNode> EnabledFeaturesAsync(HttpClient admin)
    {
        var features = await (await admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        return Node(features.EnumerateArray().Where(f => f.GetProperty("isEnabled").GetBoolean()).Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    private static async Task<JsonNode> PeopleAsync(UsersDbContext db, Dictionary<string, string> userNames)
    {
        var roles = (await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id select new { link.UserId, role.Name }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Name);
        var terms = (await db.Terms.AsNoTracking().ToListAsync()).ToLookup(t => t.UserId, t => $"{t.Kind}:{t.Value}");
        var people = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        return Node(new
        {
            Audit = await db.Audit.CountAsync(),
            People = people.Select(u => new
            {
                u.UserName,
                u.Email,
                u.DisplayName,
                u.JobTitle,
                u.Department,
                u.Site,
                Manager = u.ManagerId is null ? null : userNames.GetValueOrDefault(u.ManagerId),
                Roles = roles[u.Id].Order(StringComparer.Ordinal),
                Terms = terms[u.Id].Order(StringComparer.Ordinal),
            }),
        });
    }

    private static async Task<JsonNode> GroupsAsync(GroupsDbContext db, Dictionary<string, string> userNames)
    {
        var members = (await db.Members.AsNoTracking().ToListAsync()).ToLookup(m => m.GroupId);
        var rules = (await db.MembershipRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).ToLookup(r => r.GroupId);
        var modules = (await db.ModuleSettings.AsNoTracking().ToListAsync()).ToLookup(m => m.GroupId);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Slug).ToListAsync();
        return Node(groups.Select(g => new
        {
            g.Slug,
            g.Name,
            g.Description,
            Type = g.Type.ToString(),
            Visibility = g.Visibility.ToString(),
            PostingPolicy = g.PostingPolicy.ToString(),
            g.PostsNeedApproval,
            g.IsMandatory,
            g.IsArchived,
            g.MemberCount,
            Modules = modules[g.Id].OrderBy(m => m.ModuleKey, StringComparer.Ordinal).Select(m => $"{m.ModuleKey}={m.IsEnabled}"),
            // With their ids: rules deleted and written again are a change, even with the same values.
            Rules = rules[g.Id].Select(r => $"#{r.Id} {r.Kind} {r.Value}"),
            Members = members[g.Id].Select(m => $"{userNames.GetValueOrDefault(m.UserId, m.UserId)} {m.Role}{(m.ByRule ? " (rule)" : "")}").Order(StringComparer.Ordinal),
        }));
    }

    private static async Task<JsonNode> PostsAsync(FeedDbContext db) => Node(new
    {
        ByStatus = (await db.Posts.AsNoTracking().Select(p => p.Status).ToListAsync()).GroupBy(s => s.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        Comments = await db.Comments.CountAsync(),
        Reactions = await db.PostReactions.CountAsync(),
        Tags = await db.PostTags.CountAsync(),
    });

    private static async Task<JsonNode> CountsAsync(IServiceProvider services) => Node(new
    {
        WorkflowVersions = services.GetService<WorkflowsDbContext>() is { } workflows ? await workflows.Versions.CountAsync() : (int?)null,
        ModerationLog = services.GetService<WorkflowsDbContext>() is { } log ? await log.Log.CountAsync() : (int?)null,
        Notifications = services.GetService<NotificationsDbContext>() is { } notifications ? await notifications.Items.CountAsync() : (int?)null,
        Outbox = services.GetService<EmailDbContext>() is { } email ? await email.Outbox.CountAsync() : (int?)null,
        NewsletterEditions = services.GetService<NewsletterDbContext>() is { } newsletter ? await newsletter.Editions.CountAsync() : (int?)null,
        QuickLinks = services.GetService<QuickLinksDbContext>() is { } links ? await links.Links.CountAsync() : (int?)null,
    });

    private static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value)!;
}
