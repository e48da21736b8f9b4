using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.OpenIdConnect;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>
/// Sign-in with OpenID Connect against a real provider (an OpenIddict server on 127.0.0.1, see
/// <see cref="TestOpenIdProvider"/>), driven like a browser: cookies kept, every redirect followed by hand.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class OpenIdConnectSignInTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>, IAsyncLifetime
{
    private TestOpenIdProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestOpenIdProvider.StartAsync();
        await (await tenant.Admin.PostAsync($"api/v1/features/{OpenIdConnectStartup.FeatureId}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await ConfigureAsync(_provider.Authority, autoProvision: true, "contoso.test");
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task The_first_sign_in_creates_the_account_and_the_second_signs_in_to_the_same_one()
    {
        _provider.User = new TestOpenIdUser("first-" + Guid.NewGuid().ToString("N"), "grace.first@contoso.test", true, "Grace Hopper");
        var before = await CountAsync();

        using var browser = Browser();
        var landed = await SignInWithProviderAsync(browser, "feed");
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal($"/{tenant.Prefix}/feed", landed.Headers.Location!.OriginalString);
        var me = await (await browser.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("grace.first@contoso.test", me.GetProperty("email").GetString());
        var person = await FindAsync(me.GetProperty("id").GetString()!);
        Assert.Equal("Grace Hopper", person.DisplayName);
        Assert.Equal("grace.first", person.UserName);
        Assert.True(person.EmailConfirmed);
        Assert.Null(person.PasswordHash);
        Assert.Equal(["Employee"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var created = await CountAsync();
        Assert.Equal(before.Users + 1, created.Users);
        Assert.Equal(before.Logins + 1, created.Logins);

        // Authorization code flow with PKCE (S256), and the code redeemed with the client secret the site keeps protected.
        var authorize = _provider.AuthorizationRequests.Last();
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Equal(TestOpenIdProvider.ClientId, authorize["client_id"]);

        using var again = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithProviderAsync(again)).StatusCode);
        var meAgain = await (await again.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(me.GetProperty("id").GetString(), meAgain.GetProperty("id").GetString());
        Assert.Equal(created, await CountAsync());
        Assert.Contains(await AuditAsync(me.GetProperty("id").GetString()!), a => a == ExternalLoginService.Created);

        // The account page lists the login; it cannot be unlinked, the person has no password.
        var account = await browser.GetStringAsync("account");
        Assert.Contains("Organisation sign-in", account, StringComparison.Ordinal);
        Assert.Contains("Your only way to sign in", account, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/logins/", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_account_with_the_same_verified_e_mail_is_linked_not_duplicated_and_can_be_unlinked()
    {
        await tenant.CreateUserAsync("linus", Password, BuiltInRoles.Employee);
        _provider.User = new TestOpenIdUser("linus-" + Guid.NewGuid().ToString("N"), $"linus@{tenant.Name}.test", true, "Linus T");
        var before = await CountAsync();

        using var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithProviderAsync(browser)).StatusCode);
        var me = await (await browser.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("linus", me.GetProperty("userName").GetString());
        Assert.Equal(before.Users, (await CountAsync()).Users);
        Assert.Equal(before.Logins + 1, (await CountAsync()).Logins);
        Assert.Contains(await AuditAsync(me.GetProperty("id").GetString()!), a => a == ExternalLoginService.Linked);

        // With a password, the login can be unlinked from the account page; the next sign-in links it again.
        var key = UnlinkAction().Match(await browser.GetStringAsync("account")).Groups[1].Value;
        Assert.NotEmpty(key);
        var unlinked = await browser.SubmitAsync("account", $"account/logins/{key}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Equal(before.Logins, (await CountAsync()).Logins);
        Assert.Contains("unlinked", await browser.GetStringAsync("account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_registered_account_waiting_for_its_confirmation_is_confirmed_by_the_providers_verified_e_mail_and_loses_its_unproven_password()
    {
        var id = await CreateUnconfirmedAsync("rosa", isActive: true);
        _provider.User = new TestOpenIdUser("rosa-" + Guid.NewGuid().ToString("N"), $"rosa@{tenant.Name}.test", true, "Rosa P");

        using var browser = Browser();
        var landed = await SignInWithProviderAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var me = await (await browser.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, me.GetProperty("id").GetString());
        var person = await FindAsync(id);
        Assert.True(person.EmailConfirmed);
        // Whoever registered the address chose that password before anyone proved the mailbox: it no longer opens the account.
        Assert.Null(person.PasswordHash);
        var audit = await AuditAsync(id);
        Assert.Contains(ExternalLoginService.EmailConfirmed, audit);
        Assert.Contains(ExternalLoginService.Linked, audit);
    }

    [Fact]
    public async Task A_deactivated_account_waiting_for_its_confirmation_stays_refused_and_unconfirmed()
    {
        var id = await CreateUnconfirmedAsync("otto", isActive: false);
        _provider.User = new TestOpenIdUser("otto-" + Guid.NewGuid().ToString("N"), $"otto@{tenant.Name}.test", true, "Otto D");
        var before = await CountAsync();

        using var browser = Browser();
        var refused = await SignInWithProviderAsync(browser);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("can no longer sign in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
        Assert.Equal(before, await CountAsync());
        var person = await FindAsync(id);
        Assert.False(person.EmailConfirmed);
        Assert.NotNull(person.PasswordHash);
        Assert.Empty(await AuditAsync(id));
    }

    [Fact]
    public async Task An_unverified_e_mail_of_an_existing_account_is_not_linked_and_the_sign_in_is_refused()
    {
        await tenant.CreateUserAsync("margaret", Password, BuiltInRoles.Employee);
        _provider.User = new TestOpenIdUser("margaret-" + Guid.NewGuid().ToString("N"), $"margaret@{tenant.Name}.test", false, "Not Margaret");
        var before = await CountAsync();

        using var browser = Browser();
        var refused = await SignInWithProviderAsync(browser);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("does not confirm that this address is yours", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_provider_announcing_another_issuer_is_refused()
    {
        await using var impostor = await TestOpenIdProvider.StartAsync(ProviderFlaw.AnnouncesAnotherIssuer);
        impostor.User = new TestOpenIdUser("issuer-" + Guid.NewGuid().ToString("N"), "issuer@contoso.test", true, "Eve");
        await ConfigureAsync(impostor.Authority, autoProvision: true, "contoso.test");
        try
        {
            var before = await CountAsync();
            using var browser = Browser();
            var refused = await SignInWithProviderAsync(browser);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("names another issuer", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty(impostor.AuthorizationRequests);
            await AssertNotSignedInAsync(browser);
            Assert.Equal(before, await CountAsync());
        }
        finally
        {
            await ConfigureAsync(_provider.Authority, autoProvision: true, "contoso.test");
        }
    }

    [Fact]
    public async Task An_id_token_signed_with_a_key_the_provider_does_not_publish_is_refused()
    {
        await using var forger = await TestOpenIdProvider.StartAsync(ProviderFlaw.SignsWithUnpublishedKey);
        forger.User = new TestOpenIdUser("forged-" + Guid.NewGuid().ToString("N"), "forged@contoso.test", true, "Mallory");
        await ConfigureAsync(forger.Authority, autoProvision: true, "contoso.test");
        try
        {
            var before = await CountAsync();
            using var browser = Browser();
            var refused = await SignInWithProviderAsync(browser);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("could not be verified", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // The provider did hand out its tokens: the site refused them.
            Assert.Equal(1, forger.AcceptedTokenRequests);
            await AssertNotSignedInAsync(browser);
            Assert.Equal(before, await CountAsync());
        }
        finally
        {
            await ConfigureAsync(_provider.Authority, autoProvision: true, "contoso.test");
        }
    }

    [Fact]
    public async Task A_domain_that_is_not_allowed_or_auto_provisioning_off_is_refused_with_a_clear_message()
    {
        var before = await CountAsync();
        _provider.User = new TestOpenIdUser("outsider-" + Guid.NewGuid().ToString("N"), "outsider@fabrikam.test", true, "Out Sider");
        using (var browser = Browser())
        {
            var refused = await SignInWithProviderAsync(browser);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("only for addresses at contoso.test; yours is at fabrikam.test", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await AssertNotSignedInAsync(browser);
        }

        await ConfigureAsync(_provider.Authority, autoProvision: false, "contoso.test");
        try
        {
            _provider.User = new TestOpenIdUser("insider-" + Guid.NewGuid().ToString("N"), "insider@contoso.test", true, "In Sider");
            using var browser = Browser();
            var refused = await SignInWithProviderAsync(browser);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("accounts are not created at the first sign-in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await AssertNotSignedInAsync(browser);
        }
        finally
        {
            await ConfigureAsync(_provider.Authority, autoProvision: true, "contoso.test");
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_even_with_its_login_linked()
    {
        _provider.User = new TestOpenIdUser("leaver-" + Guid.NewGuid().ToString("N"), "leaver@contoso.test", true, "Lea Ver");
        using (var first = Browser())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInWithProviderAsync(first)).StatusCode);
            var id = (await (await first.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString();
            await (await tenant.Admin.PostAsync($"api/v1/users/{id}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        using var browser = Browser();
        var refused = await SignInWithProviderAsync(browser);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("can no longer sign in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
    }

    [Fact]
    public async Task Bad_settings_are_refused_naming_each_field_on_the_api_and_the_page()
    {
        var problem = await (await tenant.Admin.PutAsJsonAsync("api/v1/auth/openid-connect", new
        {
            providerName = "Contoso",
            authority = "http://login.contoso.test/realms/staff",
            clientId = "",
            scopes = new[] { "profile", "bad\"scope" },
            autoProvision = true,
            allowedDomains = Array.Empty<string>(),
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("https", errors.GetProperty("authority")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("clientId", out _));
        Assert.True(errors.TryGetProperty("scopes", out _));
        Assert.True(errors.TryGetProperty("allowedDomains", out _));
        Assert.True((await (await tenant.Admin.PutAsJsonAsync("api/v1/auth/openid-connect", new { authority = "not a url" })).ExpectProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("authority", out _));

        // The settings did not change, and the secret is never shown back.
        var current = await (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(_provider.Authority, current.GetProperty("authority").GetString());
        Assert.True(current.GetProperty("hasClientSecret").GetBoolean());
        Assert.DoesNotContain(TestOpenIdProvider.ClientSecret, current.GetRawText(), StringComparison.Ordinal);

        using var admin = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        var page = await admin.SubmitAsync("admin/users/openid-connect", "admin/users/openid-connect", new Dictionary<string, string>
        {
            ["ProviderName"] = "Contoso",
            ["Authority"] = "ftp://login.contoso.test",
            ["ClientId"] = "",
            ["Scopes"] = "profile email",
            ["AllowedDomains"] = "contoso.test",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Authority\"[^>]*>[^<]*is not an address", html);
        Assert.Matches("data-valmsg-for=\"ClientId\"[^>]*>The client id", html);
        Assert.DoesNotContain(TestOpenIdProvider.ClientSecret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_sets_the_provider_with_the_secret_from_a_variable_and_the_export_never_holds_the_secret()
    {
        var executor = tenant.Host.Services.GetRequiredService<RecipeExecutor>();
        static string Recipe(string secret, string authority) => $$"""
            { "name": "sso", "variables": { "oidcSecret": "" }, "steps": [
              { "name": "openid-connect", "providerName": "Contoso Recipe", "authority": "{{authority}}", "clientId": "{{TestOpenIdProvider.ClientId}}",
                "clientSecret": "{{secret}}", "scopes": ["profile", "email"], "autoProvision": true, "allowedDomains": ["contoso.test"] } ] }
            """;
        try
        {
            // A secret written in the recipe is refused, naming the field, and nothing changes.
            var written = await Assert.ThrowsAsync<RecipeException>(() => executor.RunAsync(tenant.Name, InternalSocial.Kernel.Recipes.Recipe.Parse(Recipe("plain-secret", _provider.Authority), "sso.recipe.json"), null, RecipeRunner.HostOperator("tests"), CancellationToken.None));
            Assert.Contains(written.Errors, e => e.Field == "clientSecret");
            var bad = await Assert.ThrowsAsync<RecipeException>(() => executor.RunAsync(tenant.Name, InternalSocial.Kernel.Recipes.Recipe.Parse(Recipe("{{oidcSecret}}", "http://login.contoso.test"), "sso.recipe.json"), new Dictionary<string, string> { ["oidcSecret"] = "x" }, RecipeRunner.HostOperator("tests"), CancellationToken.None));
            Assert.Contains(bad.Errors, e => e.Field == "authority");
            Assert.Equal("Contoso ID", (await (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("providerName").GetString());

            await executor.RunAsync(tenant.Name, InternalSocial.Kernel.Recipes.Recipe.Parse(Recipe("{{oidcSecret}}", _provider.Authority), "sso.recipe.json"),
                new Dictionary<string, string> { ["oidcSecret"] = TestOpenIdProvider.ClientSecret }, RecipeRunner.HostOperator("tests"), CancellationToken.None);
            Assert.Equal("Contoso Recipe", (await (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("providerName").GetString());
            // The recipe history keeps the run, not the secret.
            var run = (await executor.RunsAsync(tenant.Name, 1, CancellationToken.None)).Single();
            Assert.Contains("oidcSecret", run.Variables, StringComparison.Ordinal);
            Assert.DoesNotContain(TestOpenIdProvider.ClientSecret, run.Variables, StringComparison.Ordinal);

            // The secret from the variable works: the provider accepts the code redemption only with it.
            _provider.User = new TestOpenIdUser("recipe-" + Guid.NewGuid().ToString("N"), "recipe.person@contoso.test", true, "Recipe Person");
            using var browser = Browser();
            Assert.Contains("Sign in with Contoso Recipe", await browser.GetStringAsync("account/signin"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await SignInWithProviderAsync(browser)).StatusCode);

            var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
            var exported = await shell.InScopeAsync(async services => (await services.GetRequiredService<RecipeExportService>().ExportAsync(CancellationToken.None)).ToJsonString());
            var step = JsonDocument.Parse(exported).RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "openid-connect");
            Assert.Equal(_provider.Authority, step.GetProperty("authority").GetString());
            Assert.False(step.TryGetProperty("clientSecret", out _));
            Assert.DoesNotContain(TestOpenIdProvider.ClientSecret, exported, StringComparison.Ordinal);
        }
        finally
        {
            await ConfigureAsync(_provider.Authority, autoProvision: true, "contoso.test");
        }
    }

    [Fact]
    public async Task With_the_feature_off_there_is_no_button_and_no_sign_in_with_the_provider()
    {
        using var browser = Browser();
        Assert.Contains("Sign in with Contoso ID", await browser.GetStringAsync("account/signin"), StringComparison.Ordinal);
        await (await tenant.Admin.PostAsync($"api/v1/features/{OpenIdConnectStartup.FeatureId}/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        try
        {
            using var off = Browser();
            var page = await off.GetStringAsync("account/signin");
            Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await off.GetAsync("account/external/failed")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).StatusCode);
        }
        finally
        {
            await (await tenant.Admin.PostAsync($"api/v1/features/{OpenIdConnectStartup.FeatureId}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        // Enabled again, the settings are still there.
        using var on = Browser();
        Assert.Contains("Sign in with Contoso ID", await on.GetStringAsync("account/signin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_holders_of_the_right_to_change_roles_see_or_change_the_provider()
    {
        await tenant.CreateUserAsync("director", Password, BuiltInRoles.CommunicationDirector);
        using var director = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "director", Password);
        await (await director.GetAsync("api/v1/auth/openid-connect")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await director.PutAsJsonAsync("api/v1/auth/openid-connect", new { authority = "https://evil.example" })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        using var page = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SignInAsync("director", Password)).StatusCode);
        var denied = await page.GetAsync("admin/users/openid-connect");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(_provider.Authority, (await (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("authority").GetString());
    }

    [Fact]
    public async Task A_change_saved_by_another_node_is_taken_into_use_within_half_a_minute_without_a_restart()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        using var browser = Browser();
        Assert.Contains("Sign in with Contoso ID", await browser.GetStringAsync("account/signin"), StringComparison.Ordinal);
        try
        {
            // Another web node saves the settings: this node's shell only sees the document change.
            await shell.InScopeAsync(async services =>
            {
                var documents = services.GetRequiredService<InternalSocial.Kernel.Data.DocumentStore>();
                var current = (await documents.GetAsync<OpenIdConnectSettings>(OpenIdConnectSettings.DocumentId, CancellationToken.None))!;
                await documents.SaveAsync(OpenIdConnectSettings.DocumentId, current with { ProviderName = "Other Node", Stamp = Guid.NewGuid().ToString("N") }, CancellationToken.None);
            });
            tenant.Host.Clock.Advance(OpenIdConnectSettingsCache.RecheckAfter + TimeSpan.FromSeconds(1));
            Assert.Contains("Sign in with Other Node", await browser.GetStringAsync("account/signin"), StringComparison.Ordinal);
            Assert.Same(shell, await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None));

            // And the handler's options follow: a sign-in with the new settings works.
            _provider.User = new TestOpenIdUser("node-" + Guid.NewGuid().ToString("N"), "node.person@contoso.test", true, "Node Person");
            Assert.Equal(HttpStatusCode.Redirect, (await SignInWithProviderAsync(browser)).StatusCode);
        }
        finally
        {
            tenant.Host.Clock.Reset();
            await ConfigureAsync(_provider.Authority, autoProvision: true, "contoso.test");
        }
    }

    private const string Password = "Extern-Password1";

    private async Task ConfigureAsync(string authority, bool autoProvision, params string[] domains) =>
        await (await tenant.Admin.PutAsJsonAsync("api/v1/auth/openid-connect", new
        {
            providerName = "Contoso ID",
            authority,
            clientId = TestOpenIdProvider.ClientId,
            clientSecret = TestOpenIdProvider.ClientSecret,
            scopes = new[] { "profile", "email" },
            autoProvision,
            allowedDomains = domains,
        })).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>A browser on the site: https (the sign-in's correlation cookies are Secure), cookies kept, no redirect followed.</summary>
    private HttpClient Browser() => tenant.Host.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"https://localhost/{tenant.Prefix}/"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>
    /// Presses "Sign in with …" on the sign-in page, goes to the provider (over the network), posts its answer back to the
    /// site as its form_post page would, and follows the site's redirects up to the page it lands on, or to the redirect
    /// that leaves the sign-in pages.
    /// </summary>
    private async Task<HttpResponseMessage> SignInWithProviderAsync(HttpClient browser, string returnPath = "")
    {
        var response = await browser.SubmitAsync("account/signin", "account/external/challenge", new Dictionary<string, string> { ["returnUrl"] = $"/{tenant.Prefix}/{returnPath}" });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return response;
        }

        var toProvider = response.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1:", toProvider.AbsoluteUri, StringComparison.Ordinal);
        using var network = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await network.GetAsync(toProvider);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode} from the provider: {html}");
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

    private static async Task AssertNotSignedInAsync(HttpClient browser) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/v1/auth/me")).StatusCode);

    private async Task<(int Users, int Logins)> CountAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<UsersDbContext>();
            return (await db.Users.CountAsync(), await db.UserLogins.CountAsync());
        });
    }

    /// <summary>An account as self-registration leaves it until its link is followed: a password, the address not confirmed.</summary>
    private async Task<string> CreateUnconfirmedAsync(string userName, bool isActive)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            var user = new User { UserName = userName, Email = $"{userName}@{tenant.Name}.test", DisplayName = userName, EmailConfirmed = false, IsActive = isActive, CreatedUtc = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, BuiltInRoles.Employee)).Succeeded);
            return user.Id;
        });
    }

    private async Task<User> FindAsync(string userId)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(async services => await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId));
    }

    private async Task<IReadOnlyList<string>> AuditAsync(string userId)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(async services =>
            (IReadOnlyList<string>)await services.GetRequiredService<UsersDbContext>().Audit.Where(a => a.UserId == userId).Select(a => a.Action).ToListAsync());
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPost();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex HiddenField();

    [GeneratedRegex("/account/logins/([^/\"]+)/remove")]
    private static partial Regex UnlinkAction();
}
