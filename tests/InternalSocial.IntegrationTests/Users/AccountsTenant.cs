using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>A tenant with the E-mail feature on, pointed at a real SMTP server started for the test class.</summary>
public sealed partial class AccountsTenant : TestTenant, IAsyncLifetime
{
    public const string Password = "Acc0unts-Password";

    public AccountsTenant()
        : base(Kernel.Shells.DatabaseProvider.Sqlite, "minimal")
    {
    }

    public SmtpSink Smtp { get; } = new();

    public BackgroundTaskRunner Runner => Host.Services.GetRequiredService<BackgroundTaskRunner>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Smtp.Start();
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Email/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = Smtp.Port, security = "None", fromAddress = "accounts@org.test", fromName = "Org" })).ExpectJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Sends what the outbox holds and returns the mails the SMTP server received since the last call.</summary>
    public async Task<List<MimeMessage>> DeliverAsync()
    {
        await Runner.RunDueTasksAsync(CancellationToken.None);
        var mails = new List<MimeMessage>();
        while (Smtp.Received.TryDequeue(out var mail))
        {
            mails.Add(mail);
        }

        return mails;
    }

    /// <summary>The link of a mail that starts with the path, relative to the tenant's clients' base address.</summary>
    public string LinkIn(MimeMessage mail, string path)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var match = Regex.Match(mail.TextBody ?? "", $@"http://localhost/{Prefix}/({Regex.Escape(path)}\S*)");
        Assert.True(match.Success, $"No link to {path} in: {mail.TextBody}");
        return match.Groups[1].Value;
    }

    public async Task PolicyAsync(string policy, params string[] domains) =>
        await (await Admin.PutAsJsonAsync("api/v1/users/registration", new { policy, allowedDomains = domains })).ExpectJsonAsync(HttpStatusCode.OK);

    public async Task<string> IdOfAsync(string userName)
    {
        var page = await (await Admin.GetAsync($"api/v1/users?q={userName}")).ExpectJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    /// <summary>The text of the page's status message (account pages answer with one).</summary>
    public static string StatusText(string html) => WebUtility.HtmlDecode(StatusMessage().Match(html).Groups[1].Value);

    /// <summary>A form field shown with its error (MVC's validation message of that field).</summary>
    public static Regex FieldError(string field) =>
        new($"class=\"[^\"]*field-validation-error[^\"]*\"[^>]*data-valmsg-for=\"{field}\"|data-valmsg-for=\"{field}\"[^>]*class=\"[^\"]*field-validation-error");

    /// <summary>The value of a query parameter of a relative link.</summary>
    public static string Query(string link, string name) =>
        Uri.UnescapeDataString(Regex.Match(link, $@"[?&]{name}=([^&]+)").Groups[1].Value);

    /// <summary>RFC 6238: the 6-digit code of an authenticator app for a base32 key, now.</summary>
    public static string Totp(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
    }

    [GeneratedRegex("role=\"status\">([^<]*)<")]
    private static partial Regex StatusMessage();
}
