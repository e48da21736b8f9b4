using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 1, the third way: a communication director (who holds <c>Recipes.Run</c>) runs no recipe step they
/// could not make by hand, by the API or from <c>/admin/recipes</c>; the recipe changes nothing and the answer names
/// the step and the missing permission.
/// </summary>
public abstract partial class RecipePrivilegeTests(PrivilegeTenant tenant)
{
    /// <summary>The recipe: the director's own role gains the right to manage roles.</summary>
    private const string RolesRecipe = """
        {"name":"x","steps":[{"name":"roles","roles":[{"name":"CommunicationDirector","permissions":["Users.ManageRoles"],"behavior":"add"}]}]}
        """;

    /// <summary>Single sign-on pointed at a provider the director controls (turned on first: the director may manage features).</summary>
    private const string SignInRecipe = """
        {"name":"sso","steps":[
          {"name":"features","enable":["InternalSocial.Users.OpenIdConnect"]},
          {"name":"openid-connect","providerName":"Evil","authority":"https://login.elsewhere.test","clientId":"evil","scopes":["profile","email"],"autoProvision":true,"allowedDomains":["elsewhere.test"]}]}
        """;

    [SkippableFact]
    public async Task The_roles_step_does_not_give_the_runner_a_permission_they_lack()
    {
        tenant.SkipIfUnavailable();
        var before = await tenant.PermissionsOfAsync("CommunicationDirector");

        var problem = await (await tenant.Director.PostAsJsonAsync("api/v1/recipes/run", new { recipe = JsonNode.Parse(RolesRecipe) })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var denial = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("uploaded.recipe.json step 1 'roles'", denial.Name);
        Assert.Contains("'Users.ManageRoles'", denial.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await tenant.PermissionsOfAsync("CommunicationDirector"));
        Assert.DoesNotContain("Users.ManageRoles", before);
    }

    [SkippableFact]
    public async Task The_openid_connect_step_is_refused_and_nothing_of_the_recipe_is_applied()
    {
        tenant.SkipIfUnavailable();

        var problem = await (await tenant.Director.PostAsJsonAsync("api/v1/recipes/run", new { recipe = JsonNode.Parse(SignInRecipe) })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        // Only the sign-in step is refused (the director may turn features on), yet the features step did not run either.
        var denial = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("uploaded.recipe.json step 2 'openid-connect'", denial.Name);
        Assert.Contains("'Users.ManageRoles'", denial.Value[0].GetString(), StringComparison.Ordinal);
        var features = await (await tenant.Admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(features.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "InternalSocial.Users.OpenIdConnect").GetProperty("isEnabled").GetBoolean());
        var runs = await (await tenant.Admin.GetAsync("api/v1/recipes/runs")).ExpectJsonAsync(HttpStatusCode.OK);
        var last = runs.EnumerateArray().First();
        Assert.Equal("sso", last.GetProperty("recipeName").GetString());
        Assert.False(last.GetProperty("succeeded").GetBoolean());
    }

    [SkippableFact]
    public async Task The_recipes_page_refuses_the_same_recipe_in_its_preview_and_when_applied()
    {
        tenant.SkipIfUnavailable();
        var before = await tenant.PermissionsOfAsync("CommunicationDirector");
        using var browser = await tenant.BrowserAsync("director");
        var token = AntiforgeryToken(await browser.GetStringAsync("admin/recipes"));

        using var upload = new MultipartFormDataContent();
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new StringContent(RolesRecipe);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        upload.Add(file, "file", "x.recipe.json");
        var preview = await browser.PostAsync("admin/recipes/upload", upload);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Contains("&#x27;Users.ManageRoles&#x27;", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("admin/recipes/run", previewHtml, StringComparison.Ordinal);

        // The form the page would not offer, posted anyway with a valid antiforgery token.
        var run = await browser.PostAsync("admin/recipes/run", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["json"] = RolesRecipe }));
        var runHtml = await run.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Contains("step 1 &#x27;roles&#x27;", runHtml, StringComparison.Ordinal);
        Assert.Contains("&#x27;Users.ManageRoles&#x27;", runHtml, StringComparison.Ordinal);
        Assert.Equal(before, await tenant.PermissionsOfAsync("CommunicationDirector"));
    }

    [SkippableFact]
    public async Task A_communication_director_still_runs_a_recipe_made_of_steps_they_could_make_by_hand()
    {
        tenant.SkipIfUnavailable();
        var recipe = JsonNode.Parse("""{"name":"tidy","steps":[{"name":"tags","tags":[{"name":"privilege-test","description":"A tag.","official":true}]}]}""");
        await (await tenant.Director.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);
        // An employee holds no Recipes.Run at all.
        await (await tenant.Employee.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

[Collection(WebCollection.Name)]
public sealed class RecipePrivilegeTestsOnSqlite(PrivilegeSqliteTenant tenant) : RecipePrivilegeTests(tenant), IClassFixture<PrivilegeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class RecipePrivilegeTestsOnPostgres(PrivilegePostgresTenant tenant) : RecipePrivilegeTests(tenant), IClassFixture<PrivilegePostgresTenant>;
