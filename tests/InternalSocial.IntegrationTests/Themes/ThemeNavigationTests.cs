using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.IntegrationTests.Themes;

/// <summary>
/// What the site themes put around every page: the phone's bottom bar (four entries by position, the rest behind
/// "More", which is a link to /menu without JavaScript), the header's search field offered by the people directory,
/// and counts in the singular or plural of the reader's language.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ThemeNavigationTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task The_bottom_bar_keeps_four_entries_by_position_and_puts_the_others_behind_more_and_on_the_menu_page()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);

        // Home, People (300) and Administration (1000): three entries, no "More".
        var few = await browser.GetStringAsync("");
        Assert.DoesNotContain("nav-more", few, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-extra", few, StringComparison.Ordinal);

        // Feed (10) and Links (500) make five: Feed, People and Links stay, Administration goes behind "More".
        foreach (var feature in new[] { "InternalSocial.Feed", "InternalSocial.QuickLinks" })
        {
            await (await tenant.Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var home = await browser.GetStringAsync("");
        var nav = MainNav().Match(home);
        Assert.True(nav.Success, "No main navigation in the page.");
        var bar = nav.Value[..nav.Value.IndexOf("<div id=\"more-menu\"", StringComparison.Ordinal)];
        var entries = MenuEntry().Matches(bar).Select(m => (Extra: m.Groups["class"].Value.Contains("nav-extra", StringComparison.Ordinal), Url: m.Groups["url"].Value)).ToList();
        var prefix = "/" + tenant.Prefix;
        Assert.Equal([$"{prefix}/", $"{prefix}/feed", $"{prefix}/people", $"{prefix}/links", $"{prefix}/admin"], entries.Select(e => e.Url));
        Assert.Equal([false, false, false, false, true], entries.Select(e => e.Extra));
        // "More": a link to the menu page, and the button a script reveals, which names the sheet it opens.
        Assert.Matches($"<a class=\"nav-more-link\" href=\"{Regex.Escape(prefix)}/menu\" data-disclosure-fallback><svg [^>]*aria-hidden=\"true\"[\\s\\S]*?</svg><span class=\"nav-label\">More</span></a>", nav.Value);
        Assert.Matches("aria-expanded=\"false\" aria-controls=\"more-menu\" data-disclosure=\"more-menu\" hidden><svg [\\s\\S]*?</svg><span class=\"nav-label\">More</span></button>", nav.Value);
        Assert.Matches($"id=\"more-menu\"[\\s\\S]*href=\"{Regex.Escape(prefix)}/admin\"><svg [\\s\\S]*?</svg><span class=\"nav-label\">Administration</span></a>", nav.Value);

        // Without JavaScript, "More" leads to every entry.
        var menu = await browser.GetStringAsync("menu");
        foreach (var url in new[] { "/", "/feed", "/people", "/links", "/admin" })
        {
            Assert.Contains($"href=\"{prefix}{url}\"", menu, StringComparison.Ordinal);
        }

        Assert.Contains("<title>Menu &#xB7; ", menu, StringComparison.Ordinal);

        // Someone who may not see the administration has four entries and no "More".
        await tenant.CreateUserAsync("employee1", "Empl0yee-Password", "Employee");
        using var employee = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await employee.SignInAsync("employee1", "Empl0yee-Password")).StatusCode);
        var employeeHome = await employee.GetStringAsync("");
        Assert.DoesNotContain("nav-more", employeeHome, StringComparison.Ordinal);
        Assert.DoesNotContain($"{prefix}/admin\"", employeeHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_search_sends_signed_in_people_to_the_directory_and_is_absent_for_visitors()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var anonymous = await browser.GetStringAsync("");
        Assert.DoesNotContain("role=\"search\"", anonymous, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        var prefix = "/" + tenant.Prefix;
        var home = await browser.GetStringAsync("");
        Assert.Contains($"<form id=\"site-search\" class=\"site-search\" role=\"search\" aria-label=\"Search people\" method=\"get\" action=\"{prefix}/people\">", home, StringComparison.Ordinal);
        Assert.Contains("<label for=\"site-search-q\" class=\"visually-hidden\">Search people</label>", home, StringComparison.Ordinal);
        Assert.Contains("<input type=\"search\" id=\"site-search-q\" name=\"q\" value=\"\"", home, StringComparison.Ordinal);
        // The phone's icon: a link to the directory without JavaScript, a button that opens the field with it.
        Assert.Contains($"<a class=\"search-toggle\" href=\"{prefix}/people\" data-disclosure-fallback aria-label=\"Search people\">", home, StringComparison.Ordinal);
        Assert.Contains("aria-expanded=\"false\" aria-controls=\"site-search\" data-disclosure=\"site-search\" hidden>", home, StringComparison.Ordinal);

        // On the directory, the field keeps the query; the target answers it.
        var results = await browser.GetAsync("people?q=admin");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Contains("name=\"q\" value=\"admin\"", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // In French.
        using var french = tenant.Host.CreateClient(tenant.Prefix);
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        Assert.Equal(HttpStatusCode.Redirect, (await french.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        var frenchHome = await french.GetStringAsync("");
        Assert.Contains("aria-label=\"Chercher des personnes\"", frenchHome, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Chercher</span></button>", frenchHome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 0, "0 endorsements")]
    [InlineData("en", 1, "1 endorsement")]
    [InlineData("en", 2, "2 endorsements")]
    [InlineData("en", 1200, "1,200 endorsements")]
    [InlineData("fr", 0, "0 recommandation")]
    [InlineData("fr", 1, "1 recommandation")]
    [InlineData("fr", 2, "2 recommandations")]
    public async Task Counts_take_the_singular_or_plural_of_the_readers_language(string culture, int count, string expected)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var text = await shell.InScopeAsync(services =>
        {
            var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                var T = services.GetRequiredService<IStringLocalizer<InternalSocial.Users.ModuleResources>>();
                return Task.FromResult(T.Plural(count, "{0} endorsement", "{0} endorsements").Value);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
            }
        });
        Assert.Equal(expected.Replace(",", CultureInfo.GetCultureInfo(culture).NumberFormat.NumberGroupSeparator, StringComparison.Ordinal), text);
    }

    [Fact]
    public void French_uses_the_singular_for_zero_and_one_and_english_for_one_only()
    {
        var english = CultureInfo.GetCultureInfo("en");
        var french = CultureInfo.GetCultureInfo("fr-FR");
        Assert.Equal([PluralForm.Other, PluralForm.One, PluralForm.Other, PluralForm.Other], new long[] { 0, 1, 2, 1_000_000 }.Select(n => Plurals.FormOf(n, english)));
        Assert.Equal([PluralForm.One, PluralForm.One, PluralForm.Other, PluralForm.Other], new long[] { 0, 1, 2, 1_000_000 }.Select(n => Plurals.FormOf(n, french)));
    }

    [GeneratedRegex("<nav aria-label=\"Main\" class=\"(?:mainnav|tabbar)\">[\\s\\S]*?</nav>")]
    private static partial Regex MainNav();

    // The bar's entries; the sheet (div#more-menu) repeats the extra ones and is cut off before matching.
    [GeneratedRegex("<li(?: class=\"(?<class>[^\"]*)\")?><a href=\"(?<url>[^\"]+)\"")]
    private static partial Regex MenuEntry();
}
