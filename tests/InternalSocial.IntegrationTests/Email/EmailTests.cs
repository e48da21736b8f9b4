using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Email;

/// <summary>The SMTP settings and the outbox, against a real SMTP server started by the test.</summary>
[Collection(WebCollection.Name)]
public sealed class EmailTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>, IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();

    private BackgroundTaskRunner Runner => tenant.Host.Services.GetRequiredService<BackgroundTaskRunner>();

    public async Task InitializeAsync()
    {
        _smtp.Start();
        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Email/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = _smtp.Port, security = "None", fromAddress = "news@org.test", fromName = "Org news" })).ExpectJsonAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        tenant.Host.Clock.Reset();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_queued_mail_is_delivered_by_the_background_task_once()
    {
        await (await tenant.Admin.PostAsJsonAsync("api/v1/email/test", new { to = "marie@org.test" })).ExpectJsonAsync(HttpStatusCode.Accepted);
        Assert.Empty(_smtp.Received);

        await Runner.RunDueTasksAsync(CancellationToken.None);
        await Runner.RunDueTasksAsync(CancellationToken.None);

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal("marie@org.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal("news@org.test", mail.From.Mailboxes.Single().Address);
        Assert.StartsWith("Test e-mail from Org ", mail.Subject, StringComparison.Ordinal);
        var outbox = await (await tenant.Admin.GetAsync("api/v1/email/outbox?status=Sent")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(outbox.EnumerateArray(), m => m.GetProperty("toAddress").GetString() == "marie@org.test");
    }

    [Fact]
    public async Task While_the_server_is_down_mails_wait_and_are_delivered_when_it_is_back_nothing_lost_nothing_twice()
    {
        await _smtp.StopAsync();
        foreach (var to in new[] { "a@org.test", "b@org.test", "c@org.test" })
        {
            await (await tenant.Admin.PostAsJsonAsync("api/v1/email/test", new { to })).ExpectJsonAsync(HttpStatusCode.Accepted);
        }

        await Runner.RunDueTasksAsync(CancellationToken.None);
        var waiting = await (await tenant.Admin.GetAsync("api/v1/email/outbox?status=Pending")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, waiting.GetArrayLength());
        Assert.All(waiting.EnumerateArray(), m => Assert.Equal(1, m.GetProperty("attempts").GetInt32()));
        Assert.All(waiting.EnumerateArray(), m => Assert.False(string.IsNullOrEmpty(m.GetProperty("lastError").GetString())));

        _smtp.Start();
        // Back-off: not retried before its time, then retried.
        await Runner.RunDueTasksAsync(CancellationToken.None);
        Assert.Empty(_smtp.Received);
        tenant.Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await Runner.RunDueTasksAsync(CancellationToken.None);
        await Runner.RunDueTasksAsync(CancellationToken.None);

        Assert.Equal(["a@org.test", "b@org.test", "c@org.test"], _smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
        var pending = await (await tenant.Admin.GetAsync("api/v1/email/outbox?status=Pending")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, pending.GetArrayLength());
    }

    [Fact]
    public async Task A_recipient_refused_for_good_is_marked_failed_and_not_retried()
    {
        await (await tenant.Admin.PostAsJsonAsync("api/v1/email/test", new { to = "ghost@refused.test" })).ExpectJsonAsync(HttpStatusCode.Accepted);
        await Runner.RunDueTasksAsync(CancellationToken.None);
        tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
        await Runner.RunDueTasksAsync(CancellationToken.None);

        var failed = await (await tenant.Admin.GetAsync("api/v1/email/outbox?status=Failed")).ExpectJsonAsync(HttpStatusCode.OK);
        var mail = Assert.Single(failed.EnumerateArray());
        Assert.Equal(1, mail.GetProperty("attempts").GetInt32());
        Assert.Contains("550", mail.GetProperty("lastError").GetString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_are_refused_naming_each_field_and_the_password_is_never_shown()
    {
        var refused = await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "", port = 70000, security = "Carrier pigeon", fromAddress = "not-an-address" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "host", "port", "security", "fromAddress" })
        {
            Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = _smtp.Port, security = "None", userName = "relay", password = "s3cret-smtp", fromAddress = "news@org.test" })).ExpectJsonAsync(HttpStatusCode.OK);
        var response = await tenant.Admin.GetAsync("api/v1/email/settings");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("s3cret-smtp", text, StringComparison.Ordinal);
        var settings = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(settings.GetProperty("hasPassword").GetBoolean());

        await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = _smtp.Port, security = "None", password = "", fromAddress = "news@org.test" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/email/test", new { to = "nobody" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Employees_cannot_read_or_change_the_settings()
    {
        await tenant.CreateUserAsync("mailemployee", "Empl0yee-Password", InternalSocial.Kernel.Security.BuiltInRoles.Employee);
        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "mailemployee", "Empl0yee-Password");
        await (await employee.GetAsync("api/v1/email/settings")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PostAsJsonAsync("api/v1/email/test", new { to = "x@org.test" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_settings_page_saves_shows_field_errors_and_queues_a_test_mail()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);

        var invalid = await browser.SubmitAsync("admin/email", "admin/email", new Dictionary<string, string>
        {
            ["Settings.Host"] = "127.0.0.1",
            ["Settings.Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Settings.Security"] = "None",
            ["Settings.FromAddress"] = "nope",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("The sender address must be an e-mail address.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await browser.SubmitAsync("admin/email", "admin/email", new Dictionary<string, string>
        {
            ["Settings.Host"] = "127.0.0.1",
            ["Settings.Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Settings.Security"] = "None",
            ["Settings.FromAddress"] = "hello@org.test",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("admin/email", "admin/email/test", new Dictionary<string, string> { ["to"] = "page@org.test" })).StatusCode);
        await Runner.RunDueTasksAsync(CancellationToken.None);
        Assert.Contains(_smtp.Received, m => m.To.Mailboxes.Single().Address == "page@org.test" && m.From.Mailboxes.Single().Address == "hello@org.test");
        Assert.Contains("page@org.test", await browser.GetStringAsync("admin/email"), StringComparison.Ordinal);
    }
}
