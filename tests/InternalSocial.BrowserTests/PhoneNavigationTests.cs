using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The phone's bottom bar in both site themes: with every module on it shows four entries and "More", never scrolls
/// sideways, has large targets and whole words; "More" opens a sheet with the keyboard and closes with Escape; the
/// header's search field folds into a button that opens it.
/// </summary>
public sealed class PhoneNavigationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    // Per entry of the bar: its size, whether its content overflows it, and whether a word of its label is split
    // over two lines (a word whose range has more than one line box).
    private const string MeasureBar = """
        () => {
            const nav = document.querySelector('nav.mainnav, nav.tabbar');
            const list = nav.querySelector(':scope > ul');
            const items = [...list.children]
                .map(li => li.querySelector(':scope > a:not([hidden]), :scope > button:not([hidden])'))
                .filter(e => e && e.getClientRects().length > 0);
            const splitWords = e => {
                const words = [];
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.data.matchAll(/\S+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                        if (lines.size > 1) words.push(match[0]);
                    }
                }
                return words;
            };
            return {
                listScroll: list.scrollWidth - list.clientWidth,
                items: items.map(e => {
                    const box = e.getBoundingClientRect();
                    return { text: e.textContent.trim(), width: box.width, height: box.height,
                             overflow: e.scrollWidth - e.clientWidth, split: splitWords(e).join(' ') };
                }),
            };
        }
        """;

    [SkippableTheory]
    [InlineData(null, "en-GB")]
    [InlineData(null, "fr-FR")]
    [InlineData(FieldTheme, "en-GB")]
    [InlineData(FieldTheme, "fr-FR")]
    public async Task The_bottom_bar_shows_four_entries_and_more_without_sideways_scrolling_at_360px(string? theme, string locale)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = 360, Height = 740 }, locale: locale);
            await SignInAsync(page);
            await GotoAsync(page, "");
            await page.WaitForLoadStateAsync(LoadState.Load);
            var french = locale.StartsWith("fr", StringComparison.Ordinal);
            var more = page.GetByRole(AriaRole.Button, new() { Name = french ? "Plus" : "More", Exact = true });
            await Assertions.Expect(more).ToBeVisibleAsync();

            var bar = (await page.EvaluateAsync<JsonElement>(MeasureBar)).Deserialize<BarMeasure>(JsonOptions)!;
            var texts = bar.Items.Select(i => i.Text).ToList();
            Output.WriteLine(string.Join(" | ", bar.Items.Select(i => $"{i.Text} {i.Width:0}x{i.Height:0}")));
            Assert.Equal(french ? ["Accueil", "Fil d’actualité", "Groupes", "Personnes", "Plus"] : ["Home", "Feed", "Groups", "People", "More"], texts);
            Assert.True(bar.ListScroll <= 0, $"The bar scrolls sideways by {bar.ListScroll}px.");
            foreach (var item in bar.Items)
            {
                Assert.True(item.Width >= 44 && item.Height >= 44, $"'{item.Text}' is {item.Width:0}x{item.Height:0}px, under 44x44.");
                Assert.True(item.Overflow <= 0, $"'{item.Text}' overflows its entry by {item.Overflow}px.");
                Assert.True(item.Split.Length == 0, $"'{item.Text}': these words are cut over two lines: {item.Split}.");
            }

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 360, $"The page is {scrollWidth}px wide at 360px: it scrolls sideways.");

            // "More" opens the sheet, moves the focus into it, and Escape closes it and gives the focus back.
            Assert.Equal("false", await more.GetAttributeAsync("aria-expanded"));
            var sheet = page.Locator("#more-menu");
            await Assertions.Expect(sheet).ToBeHiddenAsync();
            await more.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("true", await more.GetAttributeAsync("aria-expanded"));
            await Assertions.Expect(sheet).ToBeVisibleAsync();
            var links = sheet.GetByRole(AriaRole.Link);
            Assert.Equal(french ? ["Liens", "Sondages", "Modération", "Administration"] : ["Links", "Polls", "Moderation", "Administration"], (await links.AllInnerTextsAsync()).Select(t => t.Trim()));
            Assert.Equal(french ? "a:Liens" : "a:Links", await FocusedAsync(page));
            Assert.Empty(await RunAxeAsync(page));
            await ScreenshotAsync(page, $"bottom-bar-more-{(theme is null ? "employee" : "field")}-{locale}");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(sheet).ToBeHiddenAsync();
            Assert.Equal("false", await more.GetAttributeAsync("aria-expanded"));
            Assert.Equal(french ? "button:Plus" : "button:More", await FocusedAsync(page));

            // A click elsewhere closes it too; a link of the sheet goes where it says.
            await more.ClickAsync();
            await Assertions.Expect(sheet).ToBeVisibleAsync();
            await page.Locator("main h1").ClickAsync();
            await Assertions.Expect(sheet).ToBeHiddenAsync();
            await more.ClickAsync();
            await links.Last.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task The_header_search_is_a_button_on_phones_that_opens_the_field_and_searches_people(string? theme)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
            await SignInAsync(page);
            await GotoAsync(page, "");
            await page.WaitForLoadStateAsync(LoadState.Load);
            var search = page.GetByRole(AriaRole.Search, new() { Name = "Search people" });
            var field = search.GetByRole(AriaRole.Searchbox, new() { Name = "Search people" });
            await Assertions.Expect(field).ToBeHiddenAsync();
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Search people", Exact = true });
            await Assertions.Expect(toggle).ToBeVisibleAsync();
            var box = await toggle.BoundingBoxAsync();
            Assert.True(box is { Width: >= 44, Height: >= 44 }, $"The search button is {box?.Width}x{box?.Height}px.");

            await toggle.ClickAsync();
            Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
            await Assertions.Expect(field).ToBeVisibleAsync();
            Assert.Equal("#site-search-q", await FocusedAsync(page));
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 360, $"With the search open the page is {scrollWidth}px wide at 360px.");
            Assert.Empty(await RunAxeAsync(page));
            await ScreenshotAsync(page, $"header-search-open-{(theme is null ? "employee" : "field")}");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(field).ToBeHiddenAsync();
            Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));

            await toggle.ClickAsync();
            await field.FillAsync("admin");
            await field.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/people?q=admin");

            // On a desktop the field is in the header from the start.
            var desktop = await NewPageAsync(Desktop);
            await SignInAsync(desktop);
            await GotoAsync(desktop, "");
            await Assertions.Expect(desktop.GetByRole(AriaRole.Searchbox, new() { Name = "Search people" })).ToBeVisibleAsync();
            await Assertions.Expect(desktop.GetByRole(AriaRole.Button, new() { Name = "Search people", Exact = true })).ToBeHiddenAsync();
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record BarMeasure(double ListScroll, IReadOnlyList<BarItem> Items);

    private sealed record BarItem(string Text, double Width, double Height, double Overflow, string Split);
}
