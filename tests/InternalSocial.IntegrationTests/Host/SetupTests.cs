using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Setting up a new organisation: the page, the API, and bad input that must change nothing.</summary>
[Collection(WebCollection.Name)]
public sealed class SetupTests(HostFixture host)
{
    private async Task<string> NewTenantAsync() => (await NewTenantWithTokenAsync()).Name;

    private async Task<(string Name, string Token)> NewTenantWithTokenAsync()
    {
        var name = "s" + Guid.NewGuid().ToString("N")[..12];
        var created = await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name, requestUrlPrefix = name })).ExpectJsonAsync(HttpStatusCode.Created);
        return (name, created.GetProperty("setupToken").GetString()!);
    }

    private Task<HttpResponseMessage> SetupAsync(string name, string password, string? siteName = "Org", string recipe = "minimal") =>
        host.DefaultAdmin.PostAsJsonAsync($"api/v1/tenants/{name}/setup", new { siteName, recipe, adminUserName = "admin", adminEmail = "admin@org.test", adminPassword = password });

    [Fact]
    public async Task An_uninitialized_tenant_sends_every_page_to_its_setup_form_which_only_its_token_opens()
    {
        var (name, token) = await NewTenantWithTokenAsync();
        using var browser = host.CreateClient(name);

        var home = await browser.GetAsync($"?token={token}");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/{name}/setup?token={token}", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("setup?token=guessed")).StatusCode);
        var form = await browser.GetStringAsync($"setup?token={token}");
        Assert.Contains("Set up your organisation", form, StringComparison.Ordinal);
        Assert.Contains("minimal", form, StringComparison.Ordinal);
        await (await browser.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_tenant_stays_uninitialized_without_a_database()
    {
        var name = await NewTenantAsync();

        var refused = await (await SetupAsync(name, "short")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("at least 10 characters", refused.GetProperty("errors").GetProperty("adminPassword")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(TenantState.Uninitialized, host.ShellHost.Get(name).State);
        Assert.False(File.Exists(Path.Combine(host.Services.GetRequiredService<AppDataFolder>().TenantFolder(name), "internalsocial.db")));
    }

    [Fact]
    public async Task Missing_fields_and_an_unknown_recipe_are_all_named()
    {
        var name = await NewTenantAsync();

        var refused = await (await host.DefaultAdmin.PostAsJsonAsync($"api/v1/tenants/{name}/setup", new { recipe = "no-such-recipe", adminEmail = "not-an-email" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = refused.GetProperty("errors");
        foreach (var field in new[] { "siteName", "recipe", "adminUserName", "adminEmail", "adminPassword" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }

        Assert.Equal(TenantState.Uninitialized, host.ShellHost.Get(name).State);
    }

    [Fact]
    public async Task The_setup_form_sets_up_the_tenant_and_its_administrator_can_sign_in()
    {
        var (name, token) = await NewTenantWithTokenAsync();
        using var browser = host.CreateClient(name);

        var weak = await browser.SubmitAsync($"setup?token={token}", "setup", Fields("weak", "weak"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 10 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await browser.SubmitAsync($"setup?token={token}", "setup", Fields(HostFixture.AdminPassword, HostFixture.AdminPassword));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(TenantState.Running, host.ShellHost.Get(name).State);

        var signedIn = await browser.SignInAsync("founder", HostFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Welcome, founder", await browser.GetStringAsync(""), StringComparison.Ordinal);
        Assert.Contains("Form Org", await browser.GetStringAsync(""), StringComparison.Ordinal);

        await (await SetupAsync(name, HostFixture.AdminPassword)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Dictionary<string, string> Fields(string password, string confirmation) => new()
        {
            ["SiteName"] = "Form Org",
            ["Recipe"] = "default",
            ["AdminUserName"] = "founder",
            ["AdminEmail"] = "founder@form.test",
            ["AdminPassword"] = password,
            ["AdminPasswordConfirmation"] = confirmation,
            ["Database"] = "0",
            ["Token"] = token,
        };
    }
}
