using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData("home-anonymous", "", false, "desktop", 1280, 800)]
    [InlineData("home-anonymous", "", false, "phone", 390, 844)]
    [InlineData("home-signed-in", "", true, "desktop", 1280, 800)]
    [InlineData("home-signed-in", "", true, "phone", 390, 844)]
    [InlineData("signin", "account/signin", false, "desktop", 1280, 800)]
    [InlineData("signin", "account/signin", false, "phone", 390, 844)]
    [InlineData("admin-features", "admin/features", true, "desktop", 1280, 800)]
    [InlineData("admin-features", "admin/features", true, "phone", 390, 844)]
    // The theme has a dark palette of its own: its contrast needs checking as much as the light one's.
    [InlineData("home-signed-in", "", true, "desktop-dark", 1280, 800)]
    [InlineData("signin", "account/signin", false, "phone-dark", 390, 844)]
    [InlineData("admin-features", "admin/features", true, "desktop-dark", 1280, 800)]
    // The administration theme (the default of new organisations) on its other pages, light and dark.
    [InlineData("admin-settings", "admin/settings", true, "desktop", 1280, 800)]
    [InlineData("admin-settings", "admin/settings", true, "phone", 360, 740)]
    [InlineData("admin-settings", "admin/settings", true, "phone-dark", 390, 844)]
    [InlineData("admin-users", "admin/users", true, "desktop", 1280, 800)]
    [InlineData("admin-users", "admin/users", true, "desktop-dark", 1280, 800)]
    [InlineData("admin-roles", "admin/roles", true, "desktop", 1280, 800)]
    [InlineData("admin-recipes", "admin/recipes", true, "desktop", 1280, 800)]
    [InlineData("admin-recipes", "admin/recipes", true, "phone", 360, 740)]
    [InlineData("admin-dashboard", "admin", true, "desktop-dark", 1280, 800)]
    [InlineData("account", "account", true, "phone", 360, 740)]
    // Groups (the default recipe creates "All company" and "Lunch and learn"), down to 360 px wide.
    [InlineData("groups-directory", "groups", true, "desktop", 1280, 800)]
    [InlineData("groups-directory", "groups", true, "phone360", 360, 740)]
    [InlineData("group-space", "groups/all-company", true, "phone360", 360, 740)]
    [InlineData("group-space", "groups/lunch-and-learn", true, "desktop-dark", 1280, 800)]
    [InlineData("group-members", "groups/all-company/members", true, "phone360", 360, 740)]
    [InlineData("group-settings", "groups/lunch-and-learn/settings", true, "desktop", 1280, 800)]
    [InlineData("group-settings", "groups/lunch-and-learn/settings", true, "phone360-dark", 360, 740)]
    [InlineData("group-new", "groups/new", true, "phone360", 360, 740)]
    public async Task Page_has_no_serious_or_critical_axe_violations_and_reflows(string name, string path, bool signedIn, string size, int width, int height)
    {
        SkipWithoutChromium();
        var colorScheme = size.EndsWith("-dark", StringComparison.Ordinal) ? ColorScheme.Dark : ColorScheme.Light;
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, colorScheme);
        if (signedIn)
        {
            await SignInAsync(page);
        }

        await GotoAsync(page, path);
        await ScreenshotAsync(page, $"axe-{name}-{size}");
        var violations = await RunAxeAsync(page);
        foreach (var violation in violations)
        {
            Output.WriteLine(violation.ToString());
        }

        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe-core violations at {width}x{height}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");

        // WCAG 1.4.10 (reflow), which axe-core does not check: nothing may need sideways scrolling.
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"/{path} is {scrollWidth}px wide in a {width}px viewport: it scrolls sideways.");
    }

    /// <summary>The second site theme (compact, high contrast) on the main pages: its own palette needs its own check.</summary>
    [SkippableTheory]
    [InlineData("home-signed-in", "", true, "phone", 390, 844)]
    [InlineData("home-signed-in", "", true, "desktop-dark", 1280, 800)]
    [InlineData("signin", "account/signin", false, "phone", 360, 740)]
    [InlineData("profile", "people/admin", true, "phone", 360, 740)]
    [InlineData("groups-directory", "groups", true, "desktop", 1280, 800)]
    [InlineData("notifications", "notifications", true, "phone-dark", 390, 844)]
    public async Task Field_theme_page_has_no_serious_or_critical_axe_violations(string name, string path, bool signedIn, string size, int width, int height)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(FieldTheme);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, size.EndsWith("-dark", StringComparison.Ordinal) ? ColorScheme.Dark : ColorScheme.Light);
            if (signedIn)
            {
                await SignInAsync(page);
            }

            await GotoAsync(page, path);
            await ScreenshotAsync(page, $"axe-field-{name}-{size}");
            var violations = await RunAxeAsync(page);
            Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe-core violations in the Field theme at {width}x{height}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    /// <summary>An unknown address: the themed "page not found", with its title and language, signed in or not.</summary>
    [SkippableTheory]
    [InlineData(false, "phone", 360, 740)]
    [InlineData(true, "desktop", 1280, 800)]
    public async Task The_not_found_page_has_no_serious_or_critical_axe_violations(bool signedIn, string size, int width, int height)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = height });
        if (signedIn)
        {
            await SignInAsync(page);
        }

        await GotoAsync(page, "no/such/page", expectedStatus: 404);
        await ScreenshotAsync(page, $"axe-not-found-{size}");
        var violations = await RunAxeAsync(page);
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe-core violations on the not-found page:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        Assert.Equal(1, await page.Locator("main a[href$='/']").CountAsync());
    }

    [SkippableFact]
    public async Task Axe_helper_reports_a_violation_planted_in_the_page()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop);
        await GotoAsync(page, "account/signin");
        // A clean result is only worth something if the helper can see a failure: an unnamed button is critical.
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button id=\"planted\"></button>')");

        var violations = await RunAxeAsync(page);

        var planted = Assert.Single(violations, v => v.Rule == "button-name");
        Assert.Equal("critical", planted.Impact);
        Assert.Equal("#planted", Assert.Single(planted.Nodes).Target);
    }
}
