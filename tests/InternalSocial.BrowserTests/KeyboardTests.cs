using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

public sealed class KeyboardTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableFact]
    public async Task Tab_from_the_top_of_sign_in_reaches_the_skip_link_first_then_the_form_in_order()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop);
        await GotoAsync(page, "account/signin");
        await StartTabbingFromTheTopAsync(page);

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content", Exact = true });
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        // A skip link that stays off-screen when focused helps no sighted keyboard user.
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 } && box.X + box.Width <= Desktop.Width, $"The focused skip link is off-screen: {box?.X},{box?.Y}.");
        await ScreenshotAsync(page, "signin-skip-link-focused");

        // Without the skip link, Tab still reaches the form after the header, fields in reading order.
        var order = new List<string>();
        for (var i = 0; i < 12 && !order.Contains("button:Sign in"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            Output.WriteLine($"Tab {i + 2}: {focused}");
            if (focused.StartsWith('#') || focused.StartsWith("button:", StringComparison.Ordinal))
            {
                order.Add(focused);
            }
        }

        Assert.Equal(["#UserName", "#Password", "#RememberMe", "button:Sign in"], order);

        // With it, the form comes first.
        await StartTabbingFromTheTopAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
        var afterSkip = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            afterSkip.Add(await FocusedAsync(page));
        }

        Assert.Equal(["#UserName", "#Password", "#RememberMe", "button:Sign in"], afterSkip);
    }

    /// <summary>
    /// The sign-in page puts focus in the user name field (autofocus). A person who tabs from the top of the page
    /// starts before the first element; a focusable but untabbable marker at the start of the body puts the
    /// browser's sequential focus starting point there.
    /// </summary>
    private static Task StartTabbingFromTheTopAsync(IPage page) => page.EvaluateAsync("""
        () => {
            let top = document.getElementById('test-focus-start');
            if (!top) {
                top = document.createElement('span');
                top.id = 'test-focus-start';
                top.tabIndex = -1;
                document.body.prepend(top);
            }
            top.focus();
        }
        """);
}
