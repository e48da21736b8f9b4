using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.Charter.Models;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Users.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// An acceptance given on the charter page during the sign-in that created the account through single sign-on is
/// recorded as <c>sso</c>; at a later sign-in with the same provider, as <c>page</c>. Against the test OpenID Connect
/// provider, driven like a browser.
/// </summary>
public abstract partial class CharterSingleSignOnTests(CharterTenant tenant) : IAsyncLifetime
{
    private TestOpenIdProvider? _provider;

    public async Task InitializeAsync()
    {
        if (!tenant.IsAvailable)
        {
            return;
        }

        _provider = await TestOpenIdProvider.StartAsync();
        await (await tenant.Admin.PostAsync($"api/v1/features/{OpenIdConnectStartup.FeatureId}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/auth/openid-connect", new
        {
            providerName = "Contoso ID",
            authority = _provider.Authority,
            clientId = TestOpenIdProvider.ClientId,
            clientSecret = TestOpenIdProvider.ClientSecret,
            scopes = new[] { "profile", "email" },
            autoProvision = true,
            allowedDomains = new[] { "contoso.test" },
        })).ExpectJsonAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Accepting_at_the_first_single_sign_on_is_recorded_as_sso_and_at_a_later_sign_in_as_page()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "Read me at your first visit.");
        await AcceptCurrentAsync(tenant.Admin);
        var subject = Guid.NewGuid().ToString("N");
        _provider!.User = new TestOpenIdUser(subject, $"sso.{subject[..8]}@contoso.test", true, "Single Sign");

        using var first = Browser();
        var landed = await SignInWithProviderAsync(first);
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var version = await AcceptOnPageAsync(first);
        var userId = (await (await first.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString()!;
        Assert.Equal(AcceptanceMethods.Sso, await MethodAsync(userId, version));

        // The account exists now: a later sign-in with the provider is an ordinary one.
        await tenant.PublishAsync("employees", material: true, "Read me again.");
        await AcceptCurrentAsync(tenant.Admin);
        using var later = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithProviderAsync(later)).StatusCode);
        var next = await AcceptOnPageAsync(later);
        Assert.Equal(AcceptanceMethods.Page, await MethodAsync(userId, next));
    }

    private async Task<int> AcceptOnPageAsync(HttpClient browser)
    {
        var gated = await browser.GetAsync("feed");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Contains("/charter?returnUrl=", gated.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var version = CharterPagesTenant.OfferedVersion(await browser.GetStringAsync("charter"));
        var accepted = await browser.SubmitAsync("charter", "charter/accept", new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("feed")).StatusCode);
        return version;
    }

    private Task<string> MethodAsync(string userId, int number) => tenant.InDatabaseAsync(db =>
        db.Acceptances.AsNoTracking()
            .Where(a => a.UserId == userId && db.Versions.Any(v => v.Id == a.VersionId && v.Audience == "employees" && v.Number == number))
            .Select(a => a.Method).SingleAsync());

    /// <summary>A browser on the site: https (the sign-in's correlation cookies are Secure), cookies kept, no redirect followed.</summary>
    private HttpClient Browser() => tenant.Host.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"https://localhost/{tenant.Prefix}/"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Goes to the provider from the sign-in page, posts its answer back as its form_post page would, and follows the site's redirects out of the sign-in pages.</summary>
    private async Task<HttpResponseMessage> SignInWithProviderAsync(HttpClient browser)
    {
        var response = await browser.SubmitAsync("account/signin", "account/external/challenge", new Dictionary<string, string> { ["returnUrl"] = $"/{tenant.Prefix}/feed" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var network = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var html = await (await network.GetAsync(response.Headers.Location!)).Content.ReadAsStringAsync();
        var form = FormPost().Match(html);
        Assert.True(form.Success, html);
        var fields = HiddenField().Matches(form.Groups["body"].Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        response = await browser.PostAsync(new Uri(WebUtility.HtmlDecode(form.Groups["action"].Value)), new FormUrlEncodedContent(fields));
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            var location = response.Headers.Location!;
            if (!location.OriginalString.Contains("/account/external/", StringComparison.Ordinal))
            {
                return response;
            }

            response = await browser.GetAsync(location.IsAbsoluteUri ? location : new Uri(browser.BaseAddress!, location));
        }

        return response;
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPost();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex HiddenField();
}

[Collection(WebCollection.Name)]
public sealed class CharterSingleSignOnTestsOnSqlite(CharterSqliteTenant tenant) : CharterSingleSignOnTests(tenant), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterSingleSignOnTestsOnPostgres(CharterPostgresTenant tenant) : CharterSingleSignOnTests(tenant), IClassFixture<CharterPostgresTenant>;
