using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Notifications;

/// <summary>An announcement reaches its audience (never guests); one to acknowledge is mandatory and can be reminded.</summary>
[Collection(WebCollection.Name)]
public sealed class AnnouncementNotificationTests(AnnouncementNotificationTests.Tenant tenant) : IClassFixture<AnnouncementNotificationTests.Tenant>
{
    private const string Password = "Ann0unce-Password";

    [Fact]
    public async Task A_targeted_announcement_notifies_its_department_only_and_never_a_guest()
    {
        var post = await (await tenant.Director.PostAsJsonAsync("api/v1/posts", new { body = "Finance closes the books on Friday", announcement = true, audience = new { departments = new[] { "Finance" } } })).ExpectJsonAsync(HttpStatusCode.Created);
        var url = $"/posts/{post.GetProperty("id").GetInt64()}";

        Assert.Contains(await TitlesAsync(tenant.Finance, url), t => t == "New announcement");
        Assert.Empty(await TitlesAsync(tenant.Sales, url));
        Assert.Empty(await TitlesAsync(tenant.Guest, url));
        Assert.Empty(await TitlesAsync(tenant.Director, url));
    }

    [Fact]
    public async Task An_announcement_to_acknowledge_reaches_every_employee_and_the_reminder_only_those_who_have_not_acknowledged()
    {
        var post = await (await tenant.Director.PostAsJsonAsync("api/v1/posts", new { body = "New safety rules in the warehouse", announcement = true, requireAcknowledgement = true })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = post.GetProperty("id").GetInt64();
        var url = $"/posts/{id}";
        Assert.Contains(await TitlesAsync(tenant.Finance, url), t => t == "New announcement to acknowledge");
        Assert.Contains(await TitlesAsync(tenant.Sales, url), t => t == "New announcement to acknowledge");
        Assert.Empty(await TitlesAsync(tenant.Guest, url));

        Assert.True((await tenant.Finance.PostAsync($"api/v1/posts/{id}/acknowledge", null)).IsSuccessStatusCode);
        Assert.True((await tenant.Director.PostAsync($"api/v1/posts/{id}/remind", null)).IsSuccessStatusCode);
        Assert.Contains(await TitlesAsync(tenant.Sales, url), t => t.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.DoesNotContain(await TitlesAsync(tenant.Finance, url), t => t.StartsWith("Reminder", StringComparison.Ordinal));

        // Mandatory: it can move to another channel but not be switched off.
        var off = await tenant.Sales.PutAsJsonAsync("api/v1/notifications/preferences", new { preferences = new[] { new { kind = "feed.acknowledgement", channel = "Off" } } });
        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
    }

    private static async Task<List<string>> TitlesAsync(HttpClient person, string url) =>
        [.. (await (await person.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("url").GetString()!.EndsWith(url, StringComparison.Ordinal))
            .Select(n => n.GetProperty("title").GetString()!)];

    public sealed class Tenant : TestTenant
    {
        public Tenant()
            : base(Kernel.Shells.DatabaseProvider.Sqlite, "default")
        {
        }

        public HttpClient Director { get; private set; } = null!;

        public HttpClient Finance { get; private set; } = null!;

        public HttpClient Sales { get; private set; } = null!;

        public HttpClient Guest { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync("director", Password, BuiltInRoles.CommunicationDirector);
            await CreateUserAsync("finance", Password, BuiltInRoles.Employee);
            await CreateUserAsync("sales", Password, BuiltInRoles.Employee);
            await CreateUserAsync("guest", Password, BuiltInRoles.Guest);
            var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
            await shell.InScopeAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<User>>();
                foreach (var (name, department) in new[] { ("finance", "Finance"), ("sales", "Sales"), ("guest", "Finance") })
                {
                    var user = (await users.FindByNameAsync(name))!;
                    user.Department = department;
                    Assert.True((await users.UpdateAsync(user)).Succeeded);
                }

                return 0;
            });
            Director = await Host.CreateTokenClientAsync(Prefix, "director", Password);
            Finance = await Host.CreateTokenClientAsync(Prefix, "finance", Password);
            Sales = await Host.CreateTokenClientAsync(Prefix, "sales", Password);
            Guest = await Host.CreateTokenClientAsync(Prefix, "guest", Password);
        }
    }
}
