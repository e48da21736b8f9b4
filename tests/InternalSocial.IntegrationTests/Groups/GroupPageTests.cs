using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>The directory, the group space and its forms (with antiforgery tokens), and the guests' profile rule.</summary>
[Collection(WebCollection.Name)]
public sealed class GroupPageTests(GroupsSqliteTenant tenant) : IClassFixture<GroupsSqliteTenant>
{
    [Fact]
    public async Task An_employee_creates_a_group_from_the_form_and_a_duplicate_name_is_shown_next_to_the_field()
    {
        using var owner = await tenant.BrowserAsync("owner");
        var created = await owner.SubmitAsync("groups/new", "groups/new", new Dictionary<string, string>
        {
            ["Name"] = "Café & Co",
            ["Description"] = "Coffee lovers",
            ["Type"] = "Community",
            ["Visibility"] = "Public",
            ["PostingPolicy"] = "Everyone",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.EndsWith("/groups/cafe-co", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await owner.GetStringAsync("groups/cafe-co");
        Assert.Contains("Café & Co", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Coffee lovers", page, StringComparison.Ordinal);

        var duplicate = await owner.SubmitAsync("groups/new", "groups/new", new Dictionary<string, string> { ["Name"] = "CAFÉ & CO", ["Type"] = "Community", ["Visibility"] = "Public", ["PostingPolicy"] = "Everyone" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("field-error", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var directory = await owner.GetStringAsync("groups?q=caf");
        Assert.Contains("groups/cafe-co", directory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_request_and_leave_buttons_work_and_a_mandatory_group_explains_why_one_cannot_leave()
    {
        var open = await tenant.CreateGroupAsync("owner", new { name = "Open doors" });
        var closed = await tenant.CreateGroupAsync("owner", new { name = "Closed doors", visibility = "private" });
        using var outsider = await tenant.BrowserAsync("outsider");

        var joined = await outsider.SubmitAsync("groups/open-doors", "groups/open-doors/join", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("groups/open-doors/leave", await outsider.GetStringAsync("groups/open-doors"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.SubmitAsync("groups/open-doors", "groups/open-doors/leave", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("groups/open-doors/join", await outsider.GetStringAsync("groups/open-doors"), StringComparison.Ordinal);

        await outsider.SubmitAsync("groups/closed-doors", "groups/closed-doors/join", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("groups/closed-doors/members")).StatusCode);
        using var owner = await tenant.BrowserAsync("owner");
        Assert.Contains("outsider", await owner.GetStringAsync("groups/closed-doors/requests"), StringComparison.Ordinal);
        var approved = await owner.SubmitAsync("groups/closed-doors/requests", $"groups/closed-doors/requests/{tenant.IdOf("outsider")}/approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync("groups/closed-doors/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("groups/closed-doors/settings")).StatusCode);

        var mandatory = await (await tenant.Admin.PostAsJsonAsync("api/v1/groups", new { name = "Whole site", isMandatory = true })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await tenant.Admin.PostAsJsonAsync($"api/v1/groups/{mandatory.GetProperty("id").GetInt64()}/members", new { userNames = new[] { "outsider" } })).ExpectJsonAsync(HttpStatusCode.OK);
        var page = await outsider.GetStringAsync("groups/whole-site");
        Assert.DoesNotContain("groups/whole-site/leave", page, StringComparison.Ordinal);
        _ = open;
        _ = closed;
    }

    [Fact]
    public async Task A_guest_may_see_the_profiles_of_the_people_in_their_groups_only()
    {
        var group = await tenant.CreateGroupAsync("owner", new { name = "Client project", visibility = "secret" });
        await tenant.AddMemberAsync("owner", group.GetProperty("id").GetInt64(), "guest");
        await tenant.AddMemberAsync("owner", group.GetProperty("id").GetInt64(), "member");

        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<InternalSocial.Users.Models.User>>();
            var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<InternalSocial.Users.Models.User>>();
            var guest = await principals.CreateAsync((await users.FindByNameAsync("guest"))!);
            var employee = await principals.CreateAsync((await users.FindByNameAsync("outsider"))!);
            var rule = services.GetServices<IProfileAccessRule>().Single(r => r.GetType().Assembly.GetName().Name == "InternalSocial.Groups");

            Assert.True(await rule.CanSeeAsync(guest, tenant.IdOf("member"), CancellationToken.None));
            Assert.True(await rule.CanSeeAsync(guest, tenant.IdOf("owner"), CancellationToken.None));
            Assert.Null(await rule.CanSeeAsync(guest, tenant.IdOf("outsider"), CancellationToken.None));
            Assert.Null(await rule.CanSeeAsync(employee, tenant.IdOf("member"), CancellationToken.None));
        });
    }
}
