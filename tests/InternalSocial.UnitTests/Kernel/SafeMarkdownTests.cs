using InternalSocial.Kernel.Text;

namespace InternalSocial.UnitTests.Kernel;

/// <summary>The kernel's one Markdown renderer: what no author can get through it, in either profile.</summary>
public sealed class SafeMarkdownTests
{
    public static TheoryData<string> Profiles => ["user", "document"];

    private static SafeMarkdownOptions Options(string profile) => profile == "user" ? SafeMarkdownOptions.UserContent : SafeMarkdownOptions.Document;

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Markdown_becomes_html(string profile) =>
        Assert.Equal("<p><strong>Bold</strong> and <em>italic</em></p>\n<ul>\n<li>one</li>\n</ul>\n", SafeMarkdown.ToHtml("**Bold** and *italic*\n\n- one", Options(profile)));

    [Fact]
    public void Null_renders_nothing() => Assert.Equal("", SafeMarkdown.ToHtml(null));

    [Theory]
    [InlineData("user", "<script>alert(1)</script>hello")]
    [InlineData("document", "<script>alert(1)</script>hello")]
    [InlineData("user", "```\n</code><script>alert(1)</script>\n```")]
    [InlineData("document", "## <script>alert(1)</script>")]
    public void A_script_is_shown_as_text_never_run(string profile, string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown, Options(profile));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user", "[click](javascript:alert(1))")]
    [InlineData("document", "[click](JavaScript:alert(1))")]
    [InlineData("user", "[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("document", "[click](vbscript:msgbox(1))")]
    [InlineData("user", "<javascript:alert(1)>")]
    public void Links_outside_http_https_and_mailto_lose_their_address(string profile, string markdown) =>
        Assert.Empty(SafeMarkdown.Parse(SafeMarkdown.ToHtml(markdown, Options(profile))).Body!.QuerySelectorAll("[href]"));

    [Theory]
    [InlineData("user", "nofollow noopener ugc")]
    [InlineData("document", "nofollow noopener")]
    public void Safe_links_keep_their_address_and_never_the_opener(string profile, string rel)
    {
        var html = SafeMarkdown.ToHtml("[site](https://example.com/a) and <mailto:a@example.com>", Options(profile));

        Assert.Contains($"<a href=\"https://example.com/a\" rel=\"{rel}\">site</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@example.com\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user", "<b onclick=\"x()\">bold</b>")]
    [InlineData("document", "<a href=\"https://example.com\" onmouseover=\"x()\">a</a>")]
    [InlineData("user", "[a](https://example.com){onclick=x()}")]
    [InlineData("document", "*a*{onclick=x()}")]
    public void Event_attributes_never_reach_the_page(string profile, string markdown) =>
        Assert.DoesNotContain(AttributesOf(SafeMarkdown.ToHtml(markdown, Options(profile))), a => a.StartsWith("on", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("user", "![cat](https://example.com/cat.png)")]
    [InlineData("document", "![cat](https://example.com/cat.png)")]
    [InlineData("user", "<img src=x onerror=alert(1)>")]
    public void Images_are_not_shown(string profile, string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown, Options(profile));

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cat.png\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_author_sets_an_id_or_a_class_an_anchor_could_collide_with()
    {
        var html = SafeMarkdown.ToHtml("## Rule {#rule-2 .x}\n\n<h2 id=\"rule-1\">forged</h2>\n\n<a name=\"rule-3\">x</a>", SafeMarkdownOptions.Document);

        Assert.Contains("<h2>", html, StringComparison.Ordinal);
        Assert.All(AttributesOf(html), a => Assert.Contains(a, (string[])["href", "rel"]));
    }

    [Fact]
    public void Only_documents_have_sections_and_keep_the_text_of_a_refused_heading()
    {
        const string Markdown = "# Title\n\n## Section\n\n---\n\nText";

        var document = SafeMarkdown.ToHtml(Markdown, SafeMarkdownOptions.Document);
        var user = SafeMarkdown.ToHtml(Markdown, SafeMarkdownOptions.UserContent);

        Assert.Contains("<h2>Section</h2>", document, StringComparison.Ordinal);
        Assert.Contains("<hr>", document, StringComparison.Ordinal);
        Assert.Contains("Title", document, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", document, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2", user, StringComparison.Ordinal);
        Assert.DoesNotContain("<hr", user, StringComparison.Ordinal);
        Assert.Contains("<p>Text</p>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Decorations_are_added_after_sanitizing()
    {
        var document = SafeMarkdown.ToDocument("## One\n\nText", SafeMarkdownOptions.Document);
        document.Body!.QuerySelector("h2")!.SetAttribute("id", "rule-1");

        Assert.Equal("<h2 id=\"rule-1\">One</h2>\n<p>Text</p>\n", document.Body.InnerHtml);
        Assert.Equal(document.Body.InnerHtml, SafeMarkdown.Parse(document.Body.InnerHtml).Body!.InnerHtml);
    }

    /// <summary>The names of every attribute of every element of <paramref name="html"/>.</summary>
    private static List<string> AttributesOf(string html) =>
        [.. SafeMarkdown.Parse(html).Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes.Select(a => a.Name))];
}
