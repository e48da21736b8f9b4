using InternalSocial.Feed.Services;

namespace InternalSocial.UnitTests.Feed;

public sealed class ContentRendererTests
{
    private static readonly Dictionary<string, (string Id, string UserName)> People = new(StringComparer.Ordinal)
    {
        ["ZOE.MARTIN"] = ("u1", "zoe.martin"),
    };

    private static string Render(string source, string pathBase = "") => ContentRenderer.Render(source, People, pathBase);

    [Fact]
    public void Markdown_becomes_html() =>
        Assert.Equal("<p><strong>Bold</strong> and <em>italic</em></p>\n<ul>\n<li>one</li>\n</ul>\n", Render("**Bold** and *italic*\n\n- one"));

    [Fact]
    public void Empty_text_renders_nothing()
    {
        Assert.Equal("", Render(""));
        Assert.Equal("", ContentRenderer.Render(null!, People, ""));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>hello")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<b onclick=\"x()\">bold</b>")]
    public void Raw_html_is_shown_as_text_never_run(string source)
    {
        var html = Render(source);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_keep_only_safe_schemes_and_open_without_the_opener()
    {
        var safe = Render("[site](https://example.com/a)");
        var unsafeLink = Render("[click](javascript:alert(1))");

        Assert.Contains("href=\"https://example.com/a\"", safe, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener ugc\"", safe, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", unsafeLink, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tags_and_known_mentions_become_links_under_the_tenant_prefix()
    {
        var html = Render("Hello @Zoe.Martin. See #Sécurité!", "/acme");

        Assert.Contains("<a href=\"/acme/people/zoe.martin\" class=\"mention\" data-user-id=\"u1\">@zoe.martin</a>. See", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/acme/tags/s%C3%A9curit%C3%A9\" class=\"hashtag\">#Sécurité</a>!", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mail zoe@example.com")]
    [InlineData("`@zoe.martin #code`")]
    [InlineData("[#link](https://example.com)")]
    [InlineData("@nobody here")]
    [InlineData("issue&#35;12")]
    public void Tokens_inside_code_links_addresses_or_unknown_people_stay_text(string source) =>
        Assert.DoesNotContain("class=\"mention\"", Render(source).Replace("class=\"hashtag\"", "class=\"mention\"", StringComparison.Ordinal), StringComparison.Ordinal);

    [Fact]
    public void Tags_and_mentions_are_parsed_once_each_in_order()
    {
        Assert.Equal(["safety", "canteen"], ContentRenderer.ParseTags("#Safety first, #canteen and #SAFETY again; not a#tag"));
        Assert.Equal(["zoe.martin", "bob"], ContentRenderer.ParseMentions("@zoe.martin. and @bob, @ZOE.MARTIN; not mail@bob.test"));
        Assert.Empty(ContentRenderer.ParseTags(null!));
    }

    [Fact]
    public void An_erased_persons_mentions_become_plain_text()
    {
        var html = Render("Thanks @zoe.martin");

        var removed = ContentRenderer.RemoveMention(html, "u1");

        Assert.Equal("<p>Thanks Former member</p>\n", removed);
        Assert.Equal(html, ContentRenderer.RemoveMention(html, "someone-else"));
    }
}
