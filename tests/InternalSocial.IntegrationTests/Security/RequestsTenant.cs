using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// A tenant on the <c>moderated</c> recipe (posts with a blocked word, guests' posts and group posts wait for a
/// moderator), its e-mail sent to a real SMTP server, and the people the request-forgery, link and edit tests need.
/// </summary>
public abstract partial class RequestsTenant(DatabaseProvider provider) : TestTenant(provider, "moderated"), IAsyncLifetime
{
    public const string Password = "Requ3sts-Password";

    public SmtpSink Smtp { get; } = new();

    public HttpClient Author { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient SiteModerator { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        Smtp.Start();
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Email/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = Smtp.Port, security = "None", fromAddress = "site@org.test", fromName = "Org" })).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var name in new[] { "author", "reader" })
        {
            await CreateUserAsync(name, Password, BuiltInRoles.Employee);
        }

        await CreateUserAsync("sitemod", Password, BuiltInRoles.Moderator);
        Author = await Host.CreateTokenClientAsync(Prefix, "author", Password);
        Reader = await Host.CreateTokenClientAsync(Prefix, "reader", Password);
        SiteModerator = await Host.CreateTokenClientAsync(Prefix, "sitemod", Password);
    }

    /// <summary>A client signed in with the sign-in cookie through the form, as a browser is.</summary>
    public async Task<HttpClient> BrowserAsync(string userName)
    {
        var browser = Host.CreateClient(Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(userName, userName == "admin" ? HostFixture.AdminPassword : Password)).StatusCode);
        return browser;
    }

    /// <summary>The antiforgery token a page of the site gives the signed-in person (the sign-out form carries one).</summary>
    public static async Task<string> PageTokenAsync(HttpClient browser)
    {
        var html = await browser.GetStringAsync("account");
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The account page holds no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Sends what the outbox holds and returns the mails the SMTP server received since the last call.</summary>
    public async Task<List<MimeMessage>> DeliverAsync()
    {
        await Host.Services.GetRequiredService<BackgroundTaskRunner>().RunDueTasksAsync(CancellationToken.None);
        var mails = new List<MimeMessage>();
        while (Smtp.Received.TryDequeue(out var mail))
        {
            mails.Add(mail);
        }

        return mails;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class RequestsSqliteTenant() : RequestsTenant(DatabaseProvider.Sqlite);

public sealed class RequestsPostgresTenant() : RequestsTenant(DatabaseProvider.Postgres);
