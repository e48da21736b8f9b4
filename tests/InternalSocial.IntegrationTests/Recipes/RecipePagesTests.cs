using System.Net;
using System.Net.Http.Headers;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Recipes;

/// <summary>The administration's recipe pages: list, preview, apply, upload, history, export.</summary>
[Collection(WebCollection.Name)]
public sealed class RecipePagesTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private async Task<HttpClient> SignedInAsync()
    {
        var browser = tenant.Host.CreateClient(tenant.Prefix);
        var signedIn = await browser.SignInAsync("admin", HostFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task A_recipe_is_previewed_then_applied_and_shows_in_the_history()
    {
        using var browser = await SignedInAsync();
        var index = await browser.GetStringAsync("admin/recipes");
        Assert.Contains("editorial-roles", index, StringComparison.Ordinal);

        var preview = await browser.GetStringAsync("admin/recipes/preview?name=editorial-roles");
        Assert.Contains("What it will do", preview, StringComparison.Ordinal);
        Assert.Contains("Turn on: InternalSocial.QuickLinks", preview, StringComparison.Ordinal);

        var applied = await browser.SubmitAsync("admin/recipes/preview?name=editorial-roles", "admin/recipes/run", new Dictionary<string, string> { ["name"] = "editorial-roles" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var history = await browser.GetStringAsync("admin/recipes");
        Assert.Contains("editorial-roles.recipe.json", history, StringComparison.Ordinal);
        Assert.Contains("Applied", history, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("links")).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_bad_recipe_shows_its_problems_and_offers_no_apply()
    {
        using var browser = await SignedInAsync();
        var page = await browser.GetStringAsync("admin/recipes");
        var token = System.Text.RegularExpressions.Regex.Match(page, "action=\"[^\"]*/admin/recipes/upload\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(token.Success, "The upload form has no antiforgery token.");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        var file = new StringContent("""{ "name": "broken", "steps": [ { "name": "features", "enable": ["No.Such.Feature"] } ] }""");
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "broken.recipe.json");

        var preview = await browser.PostAsync("admin/recipes/upload", form);

        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("This recipe cannot run", html, StringComparison.Ordinal);
        Assert.Contains("unknown feature &#x27;No.Such.Feature&#x27;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("admin/recipes/run", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configuration_downloads_as_a_recipe_file()
    {
        using var browser = await SignedInAsync();
        var export = await browser.GetAsync("admin/recipes/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".recipe.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var recipe = InternalSocial.Kernel.Recipes.Recipe.Parse(await export.Content.ReadAsStringAsync(), "export.recipe.json");
        Assert.Contains(recipe.Steps, s => s["name"]!.GetValue<string>() == "roles");
    }
}
