using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Themes;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Pages show dates with &lt;local-time&gt;: the organisation's time zone, the reader's language.</summary>
[Collection(WebCollection.Name)]
public sealed partial class LocalTimePageTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task The_account_page_shows_a_token_date_in_the_organisations_time_zone_in_french_and_in_english()
    {
        await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { timeZoneId = "Asia/Tokyo" })).ExpectJsonAsync(HttpStatusCode.OK);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        await browser.SubmitAsync("account", "account/tokens", new Dictionary<string, string> { ["name"] = "dated", ["expiresInDays"] = "30" });

        foreach (var culture in new[] { "fr", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "account");
            request.Headers.AcceptLanguage.ParseAdd(culture);
            var page = await (await browser.SendAsync(request)).Content.ReadAsStringAsync();
            var time = TimeElement().Match(page);
            Assert.True(time.Success, "No <time datetime> on the account page.");
            var utc = DateTime.Parse(time.Groups["iso"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            // Tokyo is UTC+9 all year: the text must be nine hours after the machine-readable UTC time.
            var expected = LocalTime.Format(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new CultureInfo(culture), LocalTimeFormat.DateTime);
            var text = WebUtility.HtmlDecode(time.Groups["text"].Value);
            Assert.Equal(expected, text);
            var month = utc.AddHours(9).ToString("MMM", new CultureInfo(culture));
            Assert.Contains(month, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<time datetime=\"(?<iso>[0-9T:Z-]+)\">(?<text>[^<]+)</time>")]
    private static partial Regex TimeElement();
}
