using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// French and English: every text a module or the kernel shows has its French translation, pages follow the language,
/// and so do the services' validation messages in forms and API problems.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class LocalizationTests(HostFixture host, SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private static readonly string Root = Repository.Root;

    /// <summary>The kernel's texts (setup, tenants, features, problem titles) are in its own resources.</summary>
    private static readonly string Kernel = Path.Combine("src", "InternalSocial.Kernel");

    public static TheoryData<string> LocalizedProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Root, "modules")).Concat(Directory.GetDirectories(Path.Combine(Root, "themes"))).Order())
        {
            data.Add(Path.GetRelativePath(Root, project));
        }

        data.Add(Kernel);
        return data;
    }

    [Theory]
    [MemberData(nameof(LocalizedProjects))]
    public void Every_text_of_the_module_has_a_french_translation(string project)
    {
        var folder = Path.Combine(Root, project);
        var sources = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in LocalizedText().Matches(text))
            {
                keys.Add(Regex.Unescape(match.Groups["text"].Value));
            }

            // T.Plural(count, "{0} comment", "{0} comments") and AddSearchTarget<…>(url, "label", "placeholder"): two texts each.
            foreach (Match match in PairedText().Matches(text))
            {
                keys.Add(Regex.Unescape(match.Groups["one"].Value));
                keys.Add(Regex.Unescape(match.Groups["other"].Value));
            }

            // Feature names, descriptions and categories are shown on the features page.
            if (Path.GetFileName(file) == "Manifest.cs")
            {
                foreach (Match match in ManifestText().Matches(text))
                {
                    keys.Add(Regex.Unescape(match.Groups["text"].Value));
                }
            }
        }

        var resourceName = project == Kernel ? "KernelResources" : "ModuleResources";
        // A contracts project shows its texts through its module's localizer (ActivityValidation.T): the module's resources.
        var owner = project.EndsWith(".Abstractions", StringComparison.Ordinal) ? Path.Combine(Root, project[..^".Abstractions".Length]) : folder;
        var resx = Path.Combine(owner, "Resources", resourceName + ".fr.resx");
        if (keys.Count == 0)
        {
            return;
        }

        Assert.True(File.Exists(resx), $"{project} shows {keys.Count} texts but has no Resources/{resourceName}.fr.resx.");
        var french = XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
        var missing = keys.Where(k => !french.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        Assert.True(missing.Count == 0, $"{project}: no French for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_views_use_no_hard_coded_english_sentences()
    {
        // A text node of three or more words outside @T[...] is a sentence a French reader would see in English.
        var offenders = new List<string>();
        foreach (var view in Directory.EnumerateFiles(Path.Combine(Root, "modules"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "themes"), "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in EnglishTextNode().Matches(File.ReadAllText(view)))
            {
                offenders.Add($"{Path.GetRelativePath(Root, view)}: {match.Value.Trim()}");
            }
        }

        Assert.True(offenders.Count == 0, "Untranslated text in views:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public async Task Pages_follow_the_browser_language_and_the_chosen_language()
    {
        using var french = host.CreateClient("");
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        var signIn = await french.GetStringAsync("account/signin");
        Assert.Contains("Se connecter", signIn, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", signIn, StringComparison.Ordinal);

        using var english = host.CreateClient("");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        Assert.Contains(">Sign in<", await english.GetStringAsync("account/signin"), StringComparison.Ordinal);

        var chosen = await english.SubmitAsync("", "language", new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/account/signin" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Contains("Se connecter", await english.GetStringAsync("account/signin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_and_tenant_errors_of_the_api_follow_the_request_language()
    {
        var name = "l" + Guid.NewGuid().ToString("N")[..12];
        await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name, requestUrlPrefix = name })).ExpectJsonAsync(HttpStatusCode.Created);

        // The kernel's own checks (a host singleton) and the Users module's password policy (Identity's messages).
        var duplicate = await (await SendAsync(host.DefaultAdmin, "fr", "api/v1/tenants", new { name, requestUrlPrefix = name + "x" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"Une organisation nommée « {name} » existe déjà.", duplicate.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("Un ou plusieurs champs ne sont pas valides.", duplicate.GetProperty("title").GetString());

        var noSiteName = await (await SendAsync(host.DefaultAdmin, "fr", $"api/v1/tenants/{name}/setup", Setup("", HostFixture.AdminPassword))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Le nom de l’organisation est obligatoire.", noSiteName.GetProperty("errors").GetProperty("siteName")[0].GetString());

        var weak = await (await SendAsync(host.DefaultAdmin, "fr", $"api/v1/tenants/{name}/setup", Setup("Org", "short"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var password = weak.GetProperty("errors").GetProperty("adminPassword")[0].GetString();
        Assert.Contains("Le mot de passe doit contenir au moins 10 caractères.", password, StringComparison.Ordinal);
        Assert.DoesNotContain("characters", password, StringComparison.Ordinal);

        var english = await (await SendAsync(host.DefaultAdmin, "en", $"api/v1/tenants/{name}/setup", Setup("Org", "short"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The password must be at least 10 characters long.", english.GetProperty("errors").GetProperty("adminPassword")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(TenantState.Uninitialized, host.ShellHost.Get(name).State);

        static object Setup(string siteName, string password) =>
            new { siteName, recipe = "minimal", adminUserName = "admin", adminEmail = "admin@org.test", adminPassword = password };
    }

    [Fact]
    public async Task A_quick_links_validation_error_follows_the_request_language()
    {
        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var input = new { title = "", url = "/canteen" };

        var french = await (await SendAsync(tenant.Admin, "fr-FR", "api/v1/quicklinks", input)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Le titre est obligatoire.", french.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal("Un ou plusieurs champs ne sont pas valides.", french.GetProperty("title").GetString());

        var english = await (await SendAsync(tenant.Admin, "en", "api/v1/quicklinks", input)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The title is required.", english.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal("One or more fields are invalid.", english.GetProperty("title").GetString());
    }

    /// <summary>Posts JSON with one Accept-Language, leaving the shared client's headers alone.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string language, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    [GeneratedRegex(@"Feature\(\s*""[^""]+"",\s*""(?<text>[^""]+)""|(?:Description|Category)\s*=\s*""(?<text>(?:[^""\\]|\\.)+)""")]
    private static partial Regex ManifestText();

    [GeneratedRegex(@"(?:T\[\s*|MenuItem\(\s*|Display\(Name\s*=\s*|ErrorMessage\s*=\s*)""(?<text>(?:[^""\\]|\\.)+)""")]
    private static partial Regex LocalizedText();

    [GeneratedRegex(@"(?:\.Plural\([^""]*|AddSearchTarget<[^>]+>\(\s*""[^""]*"",\s*)""(?<one>(?:[^""\\]|\\.)+)"",\s*""(?<other>(?:[^""\\]|\\.)+)""")]
    private static partial Regex PairedText();

    [GeneratedRegex(@">\s*[A-Za-z][a-z']*(?:[ ,][A-Za-z][a-z'.,:]*){2,}[^<@]*<")]
    private static partial Regex EnglishTextNode();
}
