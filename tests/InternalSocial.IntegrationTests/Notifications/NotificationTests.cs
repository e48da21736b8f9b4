using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Notifications;

/// <summary>In-site notifications, preferences, mails at once and in a digest, against a real SMTP server started by the test.</summary>
[Collection(WebCollection.Name)]
public sealed class NotificationTests(NotificationTests.Tenant tenant) : IClassFixture<NotificationTests.Tenant>, IAsyncLifetime
{
    private const string Password = "N0tify-Password";

    public HttpClient Alice => tenant.Alice;

    public async Task InitializeAsync()
    {
        await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = tenant.Smtp.Port, security = "None", fromAddress = "news@org.test", fromName = "Org" })).ExpectJsonAsync(HttpStatusCode.OK);
        await SetPreferenceAsync(Alice, ProbeNotificationKinds.Ping, "InApp");
        await SetPreferenceAsync(tenant.Bob, ProbeNotificationKinds.Ping, "InApp");
        await (await Alice.PostAsync("api/v1/notifications/read-all", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Bob.PostAsync("api/v1/notifications/read-all", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        tenant.Smtp.Received.Clear();
    }

    public Task DisposeAsync()
    {
        tenant.Host.Clock.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_person_sees_and_marks_only_their_own_notifications()
    {
        await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId, tenant.BobId], "Lunch");

        var alices = await ListAsync(Alice);
        var item = Assert.Single(alices.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Lunch [en]");
        Assert.Equal(1, alices.GetProperty("unread").GetInt32());
        Assert.Equal("/probe/thing", item.GetProperty("url").GetString());
        var id = item.GetProperty("id").GetInt64();

        await (await tenant.Bob.PostAsync($"api/v1/notifications/{id}/read", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Alice.PostAsync($"api/v1/notifications/{id}/read", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await ListAsync(Alice)).GetProperty("unread").GetInt32());
        Assert.Equal(1, (await ListAsync(tenant.Bob)).GetProperty("unread").GetInt32());
        await (await Alice.GetAsync("api/v1/notifications?cursor=banana")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Off_sends_nothing_mandatory_kinds_cannot_be_switched_off_and_bad_choices_name_the_field()
    {
        await SetPreferenceAsync(Alice, ProbeNotificationKinds.Ping, "Off");
        var created = await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Muted");
        Assert.Equal(0, created);
        Assert.DoesNotContain((await ListAsync(Alice)).GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString()!.StartsWith("Muted", StringComparison.Ordinal));

        var refused = await (await Alice.PutAsJsonAsync("api/v1/notifications/preferences", new { preferences = new[] { new { kind = ProbeNotificationKinds.Mandatory, channel = "Off" }, new { kind = "nope", channel = "InApp" }, new { kind = ProbeNotificationKinds.Ping, channel = "Pigeon" } } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("preferences[0].channel", out _));
        Assert.True(errors.TryGetProperty("preferences[1].kind", out _));
        Assert.True(errors.TryGetProperty("preferences[2].channel", out _));
        Assert.Equal(1, await NotifyAsync(ProbeNotificationKinds.Mandatory, [tenant.AliceId], "Must read"));
    }

    [Fact]
    public async Task A_mail_at_once_reaches_the_recipient_in_the_organisation_language_with_its_link_and_a_working_unsubscribe()
    {
        await SetPreferenceAsync(Alice, ProbeNotificationKinds.Ping, "EmailImmediately");
        await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { defaultCulture = "fr" })).ExpectJsonAsync(HttpStatusCode.OK);
        try
        {
            await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId, tenant.BobId], "Réunion");
            await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        }
        finally
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { defaultCulture = "en" })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        // Bob kept "in the site only": one mail, to Alice.
        var mail = Assert.Single(tenant.Smtp.Received);
        Assert.Equal($"alice@{tenant.Name}.test", mail.To.Mailboxes.Single().Address);
        Assert.EndsWith("Réunion [fr]", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Prefix}/probe/thing", mail.TextBody, StringComparison.Ordinal);
        var unsubscribe = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        var token = Uri.UnescapeDataString(unsubscribe[(unsubscribe.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("notifications/unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "forged" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("notifications/unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }))).StatusCode);
        var preferences = await (await Alice.GetAsync("api/v1/notifications/preferences")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("InApp", preferences.EnumerateArray().Single(p => p.GetProperty("kind").GetString() == ProbeNotificationKinds.Ping).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task A_digest_groups_the_notifications_into_one_mail_at_the_digest_hour()
    {
        await SetPreferenceAsync(Alice, ProbeNotificationKinds.Ping, "EmailDigest");
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], title);
        }

        var settings = await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.GetProperty("timeZoneId").GetString()!);
        var nextHour = (TimeZoneInfo.ConvertTime(tenant.Host.Clock.GetUtcNow(), zone).Hour + 1) % 24;
        await (await tenant.Admin.PutAsJsonAsync("api/v1/notifications/defaults", new { digestHour = nextHour })).ExpectJsonAsync(HttpStatusCode.OK);

        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        Assert.Empty(tenant.Smtp.Received);
        tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);

        var digest = Assert.Single(tenant.Smtp.Received);
        Assert.Contains("3", digest.Subject, StringComparison.Ordinal);
        foreach (var title in new[] { "First [en]", "Second [en]", "Third [en]" })
        {
            Assert.Contains(title, digest.TextBody ?? "", StringComparison.Ordinal);
        }

        await (await tenant.Admin.PutAsJsonAsync("api/v1/notifications/defaults", new { digestHour = 24 })).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_same_event_twice_gives_one_notification_and_what_became_invisible_is_hidden()
    {
        Assert.Equal(1, await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Once", deduplicationKey: "event-1"));
        Assert.Equal(0, await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Once", deduplicationKey: "event-1"));
        await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Secret", resourceId: "hidden-1");
        await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Public", resourceId: "shown-1");

        var titles = (await ListAsync(Alice)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Single(titles, t => t == "Once [en]");
        Assert.Contains("Public [en]", titles);
        Assert.DoesNotContain("Secret [en]", titles);
    }

    [Fact]
    public async Task The_pages_list_open_and_save_choices_for_a_signed_in_person()
    {
        await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Page");
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("alice", Password)).StatusCode);
        var home = await browser.GetStringAsync("");
        Assert.Contains("class=\"notification-bell\"", home, StringComparison.Ordinal);
        Assert.Matches("data-unread=\"[1-9]", home);
        var page = await browser.GetStringAsync("notifications");
        Assert.Contains("Page [en]", page, StringComparison.Ordinal);
        await (await browser.SubmitAsync("notifications", "notifications/read-all", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        Assert.Contains("data-unread=\"0\"", await browser.GetStringAsync(""), StringComparison.Ordinal);

        var saved = await browser.SubmitAsync("notifications/preferences", "notifications/preferences", new Dictionary<string, string> { [ProbeNotificationKinds.Ping] = "Off" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Nope"));

        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("notifications")).StatusCode);
        await (await anonymous.GetAsync("api/v1/notifications")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_unread_count_is_pushed_live_to_the_person_only()
    {
        await using var alice = await ConnectAsync(Alice);
        await using var bob = await ConnectAsync(tenant.Bob);
        var alicesCount = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bobGotOne = false;
        alice.On<int>("unread", count => alicesCount.TrySetResult(count));
        bob.On<int>("unread", _ => bobGotOne = true);

        await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId], "Live");

        Assert.Equal(1, await alicesCount.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(bobGotOne);
    }

    [Fact]
    public async Task A_large_audience_is_notified_in_the_background_once_each_with_the_mails_queued_there()
    {
        await SetPreferenceAsync(Alice, ProbeNotificationKinds.Ping, "EmailImmediately");
        // Far more people than are notified within the request: the chunks of the fan-out take several transactions.
        var strangers = Enumerable.Range(0, 1100).Select(i => $"not-a-user-{i}").ToArray();

        Assert.Equal(1102, await NotifyAsync(ProbeNotificationKinds.Ping, [tenant.AliceId, tenant.BobId, .. strangers], "Everyone"));

        // Nothing was written in the request.
        Assert.DoesNotContain((await ListAsync(Alice)).GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Everyone [en]");
        Assert.Empty(tenant.Smtp.Received);

        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);

        Assert.Single((await ListAsync(Alice)).GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Everyone [en]");
        Assert.Single((await ListAsync(tenant.Bob)).GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Everyone [en]");
        var mail = Assert.Single(tenant.Smtp.Received);
        Assert.Equal($"alice@{tenant.Name}.test", mail.To.Mailboxes.Single().Address);
        Assert.EndsWith("Everyone [en]", mail.Subject, StringComparison.Ordinal);
        await SetPreferenceAsync(Alice, ProbeNotificationKinds.Ping, "InApp");
    }

    private Task<HubConnection> ConnectAsync(HttpClient client) => HubClients.ConnectAsync(tenant.Host, client, "hubs/notifications");

    private async Task<int> NotifyAsync(string kind, string[] recipients, string title, string? resourceId = null, string? deduplicationKey = null)
    {
        var response = await tenant.Admin.PostAsJsonAsync("probe/notify", new { kind, recipients, title, resourceId, deduplicationKey });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<int>();
    }

    private static async Task SetPreferenceAsync(HttpClient client, string kind, string channel) =>
        await (await client.PutAsJsonAsync("api/v1/notifications/preferences", new { preferences = new[] { new { kind, channel } } })).ExpectJsonAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> ListAsync(HttpClient client) =>
        await (await client.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>A tenant with the probe, notifications and e-mail on, two employees, and an SMTP server.</summary>
    public sealed class Tenant : TestTenant, IAsyncLifetime
    {
        public Tenant()
            : base(Kernel.Shells.DatabaseProvider.Sqlite, "minimal")
        {
        }

        public SmtpSink Smtp { get; } = new();

        public HttpClient Alice { get; private set; } = null!;

        public HttpClient Bob { get; private set; } = null!;

        public string AliceId { get; private set; } = "";

        public string BobId { get; private set; } = "";

        public BackgroundTaskRunner Runner => Host.Services.GetRequiredService<BackgroundTaskRunner>();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Smtp.Start();
            foreach (var feature in new[] { "InternalSocial.Probe", "InternalSocial.Notifications.Email" })
            {
                await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }

            await CreateUserAsync("alice", Password, BuiltInRoles.Employee);
            await CreateUserAsync("bob", Password, BuiltInRoles.Employee);
            Alice = await Host.CreateTokenClientAsync(Prefix, "alice", Password);
            Bob = await Host.CreateTokenClientAsync(Prefix, "bob", Password);
            AliceId = (await (await Alice.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString()!;
            BobId = (await (await Bob.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString()!;
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            Alice?.Dispose();
            Bob?.Dispose();
            await Smtp.DisposeAsync();
            await DisposeAsync();
        }
    }
}
