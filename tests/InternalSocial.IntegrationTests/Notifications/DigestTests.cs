using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.Security;
using MimeKit;

namespace InternalSocial.IntegrationTests.Notifications;

/// <summary>
/// Digest schedules (daily, or weekly on a chosen day) at the organisation's digest hour in each person's own time
/// zone, against a real SMTP server, with the host's fake clock moved forward.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DigestTests(NotificationTests.Tenant tenant) : IClassFixture<NotificationTests.Tenant>, IAsyncLifetime
{
    private const int Hour = 8;
    private const string Password = "N0tify-Password";

    private readonly List<HttpClient> _people = [];

    public async Task InitializeAsync()
    {
        await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = tenant.Smtp.Port, security = "None", fromAddress = "news@org.test", fromName = "Org" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/notifications/defaults", new { digestHour = Hour })).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var person in new[] { tenant.Alice, tenant.Bob })
        {
            await ChooseTheDigestAsync(person);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var client in _people)
        {
            client.Dispose();
        }

        tenant.Host.Clock.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_weekly_person_gets_one_mail_on_their_day_and_a_daily_person_one_a_day()
    {
        var (alice, aliceId) = await NewPersonAsync("weekly-alice");
        var (bob, bobId) = await NewPersonAsync("weekly-bob");
        await SetZoneAsync(alice, "UTC");
        await SetZoneAsync(bob, "UTC");
        await MoveToMidnightAsync();
        // Half past the digest hour, tomorrow: everything older has gone out; from here, one day at a time.
        var start = NextLocal(TimeZoneInfo.Utc, Hour).AddMinutes(30);
        await MoveToAsync(start);
        tenant.Smtp.Received.Clear();
        var weekday = start.AddDays(3).DayOfWeek;
        var schedule = await (await alice.PutAsJsonAsync("api/v1/notifications/preferences/digest", new { frequency = "weekly", weekday = weekday.ToString() })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Weekly", schedule.GetProperty("frequency").GetString());
        Assert.Equal(weekday.ToString(), schedule.GetProperty("weekday").GetString());
        await (await bob.PutAsJsonAsync("api/v1/notifications/preferences", new { digest = new { frequency = "Daily" } })).ExpectJsonAsync(HttpStatusCode.OK);

        for (var day = 1; day <= 8; day++)
        {
            await NotifyAsync([aliceId, bobId], $"Day {day}");
            await MoveToAsync(start.AddDays(day));
            // A second run in the same hour sends nothing twice.
            await MoveToAsync(start.AddDays(day).AddMinutes(31));
            var mails = tenant.Smtp.Received.ToList();
            tenant.Smtp.Received.Clear();

            var bobs = Assert.Single(mails, m => To(m) == "weekly-bob");
            Assert.Contains($"Day {day} [en]", bobs.TextBody, StringComparison.Ordinal);
            var alices = mails.Where(m => To(m) == "weekly-alice").ToList();
            if (start.AddDays(day).DayOfWeek == weekday)
            {
                // The week's three days in one mail.
                var weekly = Assert.Single(alices);
                foreach (var earlier in new[] { day - 2, day - 1, day })
                {
                    Assert.Contains($"Day {earlier} [en]", weekly.TextBody, StringComparison.Ordinal);
                }
            }
            else
            {
                Assert.Empty(alices);
            }
        }
    }

    [Fact]
    public async Task Two_people_in_different_time_zones_get_their_digest_at_their_own_local_hour_once()
    {
        var zones = new Dictionary<string, TimeZoneInfo>
        {
            ["zoned-alice"] = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"),
            ["zoned-bob"] = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
        };
        var (alice, aliceId) = await NewPersonAsync("zoned-alice");
        var (bob, bobId) = await NewPersonAsync("zoned-bob");
        await SetZoneAsync(alice, "Europe/Paris");
        await SetZoneAsync(bob, "America/New_York");
        await (await alice.PutAsJsonAsync("api/v1/notifications/preferences/digest", new { frequency = "Daily" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await bob.PutAsJsonAsync("api/v1/notifications/preferences/digest", new { frequency = "Daily" })).ExpectJsonAsync(HttpStatusCode.OK);
        var shown = await (await alice.GetAsync("api/v1/notifications/preferences/digest")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Europe/Paris", shown.GetProperty("timeZoneId").GetString());
        Assert.Equal(Hour, shown.GetProperty("hour").GetInt32());

        await MoveToMidnightAsync();
        tenant.Smtp.Received.Clear();
        await NotifyAsync([aliceId, bobId], "Overnight");

        var slots = zones.Select(z => (Person: z.Key, Slot: NextLocal(z.Value, Hour))).OrderBy(s => s.Slot).ToList();
        foreach (var (person, slot) in slots)
        {
            await MoveToAsync(slot.AddMinutes(-35));
            Assert.DoesNotContain(tenant.Smtp.Received, m => To(m) == person);
            await MoveToAsync(slot.AddMinutes(5));
            var mail = Assert.Single(tenant.Smtp.Received, m => To(m) == person);
            Assert.Contains("Overnight [en]", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal(Hour, TimeZoneInfo.ConvertTimeFromUtc(slot, zones[person]).Hour);
            await MoveToAsync(slot.AddMinutes(40));
            Assert.Single(tenant.Smtp.Received, m => To(m) == person);
        }

        Assert.Equal(2, tenant.Smtp.Received.Count);
    }

    [Fact]
    public async Task Bad_schedules_and_time_zones_are_refused_naming_the_field_and_the_pages_show_them()
    {
        var frequency = await (await tenant.Alice.PutAsJsonAsync("api/v1/notifications/preferences", new { digest = new { frequency = "Hourly" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(frequency.GetProperty("errors").TryGetProperty("digest.frequency", out _));
        var weekday = await (await tenant.Alice.PutAsJsonAsync("api/v1/notifications/preferences", new { preferences = new[] { new { kind = ProbeNotificationKinds.Ping, channel = "Off" } }, digest = new { frequency = "Weekly" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(weekday.GetProperty("errors").TryGetProperty("digest.weekday", out _));
        var funday = await (await tenant.Alice.PutAsJsonAsync("api/v1/notifications/preferences/digest", new { frequency = "Weekly", weekday = "Funday" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(funday.GetProperty("errors").TryGetProperty("weekday", out _));
        var number = await (await tenant.Alice.PutAsJsonAsync("api/v1/notifications/preferences/digest", new { frequency = "1" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(number.GetProperty("errors").TryGetProperty("frequency", out _));
        await (await tenant.Alice.PutAsJsonAsync("api/v1/notifications/preferences", new { })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        // Nothing of the refused body was saved: the channel stays the digest.
        var preferences = await (await tenant.Alice.GetAsync("api/v1/notifications/preferences")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("EmailDigest", preferences.EnumerateArray().Single(p => p.GetProperty("kind").GetString() == ProbeNotificationKinds.Ping).GetProperty("channel").GetString());

        var zone = await (await tenant.Alice.PatchAsJsonAsync("api/v1/users/me", new { timeZoneId = "Mars/Olympus_Mons" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(zone.GetProperty("errors").TryGetProperty("timeZoneId", out _));
        var saved = await (await tenant.Alice.PatchAsJsonAsync("api/v1/users/me", new { timeZoneId = "Asia/Tokyo" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Asia/Tokyo", saved.GetProperty("timeZoneId").GetString());

        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("alice", Password)).StatusCode);
        var profile = await browser.GetStringAsync("account/profile");
        Assert.Contains("id=\"timeZoneId\"", profile, StringComparison.Ordinal);
        Assert.Contains("value=\"Asia/Tokyo\"", profile, StringComparison.Ordinal);
        var page = await browser.GetStringAsync("notifications/preferences");
        Assert.Contains("id=\"digest-frequency\"", page, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo", page, StringComparison.Ordinal);
        var posted = await browser.SubmitAsync("notifications/preferences", "notifications/preferences", new Dictionary<string, string> { ["digestFrequency"] = "Weekly", ["digestWeekday"] = "Friday" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var schedule = await (await tenant.Alice.GetAsync("api/v1/notifications/preferences/digest")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Weekly", schedule.GetProperty("frequency").GetString());
        Assert.Equal("Friday", schedule.GetProperty("weekday").GetString());
        Assert.Equal("Asia/Tokyo", schedule.GetProperty("timeZoneId").GetString());
    }

    private static string To(MimeMessage mail) => mail.To.Mailboxes.Single().Address.Split('@')[0];

    /// <summary>
    /// The next moment, at least 40 minutes after the host's "now" (the digest task runs every 30), when the local time
    /// in <paramref name="zone"/> is <paramref name="hour"/>:00, in UTC.
    /// </summary>
    private DateTime NextLocal(TimeZoneInfo zone, int hour)
    {
        var now = tenant.Host.Clock.GetUtcNow().UtcDateTime;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date.AddHours(hour);
        while (TimeZoneInfo.ConvertTimeToUtc(local, zone) < now.AddMinutes(40))
        {
            local = local.AddDays(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Moves the clock to <paramref name="utc"/> and runs the due tasks (twice: the mails the digests queued are delivered too).</summary>
    private async Task MoveToAsync(DateTime utc)
    {
        var by = utc - tenant.Host.Clock.GetUtcNow().UtcDateTime;
        Assert.True(by > TimeSpan.Zero, $"The clock only moves forward ({by}).");
        tenant.Host.Clock.Advance(by);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
    }

    /// <summary>
    /// A person of the test's own, with the probe's notifications in the digest: when a digest was last sent is kept per
    /// person, and another test's clock, put back since, must not decide this one's.
    /// </summary>
    private async Task<(HttpClient Client, string Id)> NewPersonAsync(string userName)
    {
        await tenant.CreateUserAsync(userName, Password, BuiltInRoles.Employee);
        var client = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, userName, Password);
        _people.Add(client);
        await ChooseTheDigestAsync(client);
        var id = (await (await client.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString()!;
        return (client, id);
    }

    private static async Task ChooseTheDigestAsync(HttpClient person) =>
        await (await person.PutAsJsonAsync("api/v1/notifications/preferences", new { preferences = new[] { new { kind = ProbeNotificationKinds.Ping, channel = "EmailDigest" } } })).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>
    /// Moves the clock to the next midnight UTC at least an hour away. The digest slots of the zones used here (08:00 in
    /// UTC, Paris and New York) are then hours away, whatever the time of day the tests run at.
    /// </summary>
    private async Task MoveToMidnightAsync() =>
        await MoveToAsync(tenant.Host.Clock.GetUtcNow().UtcDateTime.AddHours(1).Date.AddDays(1));

    private static async Task SetZoneAsync(HttpClient person, string zone) =>
        await (await person.PatchAsJsonAsync("api/v1/users/me", new { timeZoneId = zone })).ExpectJsonAsync(HttpStatusCode.OK);

    private async Task NotifyAsync(string[] recipients, string title)
    {
        var response = await tenant.Admin.PostAsJsonAsync("probe/notify", new { kind = ProbeNotificationKinds.Ping, recipients, title, resourceId = (string?)null, deduplicationKey = (string?)null });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
