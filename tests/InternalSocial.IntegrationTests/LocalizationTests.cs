using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests;

/// <summary>French and English: every text a module shows has its French translation, and pages follow the language.</summary>
[Collection(WebCollection.Name)]
public sealed partial class LocalizationTests(HostFixture host)
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> LocalizedProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Root, "modules")).Concat(Directory.GetDirectories(Path.Combine(Root, "themes"))).Order())
        {
            data.Add(Path.GetRelativePath(Root, project));
        }

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

            // Feature names, descriptions and categories are shown on the features page.
            if (Path.GetFileName(file) == "Manifest.cs")
            {
                foreach (Match match in ManifestText().Matches(text))
                {
                    keys.Add(Regex.Unescape(match.Groups["text"].Value));
                }
            }
        }

        var resx = Path.Combine(folder, "Resources", "ModuleResources.fr.resx");
        if (keys.Count == 0)
        {
            return;
        }

        Assert.True(File.Exists(resx), $"{project} shows {keys.Count} texts but has no Resources/ModuleResources.fr.resx.");
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

    [GeneratedRegex(@"Feature\(\s*""[^""]+"",\s*""(?<text>[^""]+)""|(?:Description|Category)\s*=\s*""(?<text>(?:[^""\\]|\\.)+)""")]
    private static partial Regex ManifestText();

    [GeneratedRegex(@"(?:T\[\s*|MenuItem\(\s*|Display\(Name\s*=\s*|ErrorMessage\s*=\s*)""(?<text>(?:[^""\\]|\\.)+)""")]
    private static partial Regex LocalizedText();

    [GeneratedRegex(@">\s*[A-Za-z][a-z']*(?:[ ,][A-Za-z][a-z'.,:]*){2,}[^<@]*<")]
    private static partial Regex EnglishTextNode();
}
