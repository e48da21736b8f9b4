using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>The organisation's logo in the top bar of the site and of the administration, on a desktop and a phone.</summary>
public sealed class LogoTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableFact]
    public async Task The_logo_shows_beside_the_name_in_the_site_and_the_administration_without_overflow()
    {
        SkipWithoutChromium();
        await SetLogoAsync(Logo());
        try
        {
            foreach (var (viewport, size) in new[] { (Desktop, "desktop"), (new ViewportSize { Width = 360, Height = 740 }, "phone") })
            {
                var page = await NewPageAsync(viewport);
                await SignInAsync(page);
                foreach (var (path, name) in new[] { ("", "home"), ("admin/settings", "admin-settings") })
                {
                    await GotoAsync(page, path);
                    var logo = page.Locator("img.brand-logo");
                    await Assertions.Expect(logo).ToBeVisibleAsync();
                    Assert.True(await logo.EvaluateAsync<int>("img => img.naturalWidth") > 0, $"The logo did not load on /{path}.");
                    var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    Assert.True(scrollWidth <= viewport.Width, $"/{path} is {scrollWidth}px wide in a {viewport.Width}px viewport.");
                    await ScreenshotAsync(page, $"logo-{size}-{name}");
                }
            }
        }
        finally
        {
            await SetLogoAsync(null);
        }
    }

    private async Task SetLogoAsync(byte[]? png)
    {
        var shell = await Fixture.Services.GetRequiredService<ShellHost>().GetOrCreateShellAsync(ShellSettings.DefaultName, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var settings = services.GetRequiredService<SiteSettingsService>();
            SiteLogo? logo = null;
            if (png is not null)
            {
                Assert.Equal(ImageProblem.None, ImageNormalizer.TryNormalize(png, SiteLogo.MaxSide, out var image));
                using var content = new MemoryStream(image!.Content);
                await services.GetRequiredService<ITenantFileStore>().SaveAsync(SiteLogo.FilePath, content, CancellationToken.None);
                logo = new SiteLogo("test" + Guid.NewGuid().ToString("N")[..8], image.Width, image.Height);
            }

            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { Logo = logo }, CancellationToken.None);
        });
    }

    /// <summary>A round mark in two colours, as an organisation's logo might be.</summary>
    private static byte[] Logo()
    {
        using var bitmap = new SKBitmap(256, 256);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var outer = new SKPaint { Color = new SKColor(0x24, 0x57, 0xd6), IsAntialias = true };
            using var inner = new SKPaint { Color = new SKColor(0xff, 0xd4, 0x00), IsAntialias = true };
            canvas.DrawCircle(128, 128, 120, outer);
            canvas.DrawCircle(128, 128, 56, inner);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
