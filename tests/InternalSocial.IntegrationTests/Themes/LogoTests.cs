using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using SkiaSharp;

namespace InternalSocial.IntegrationTests.Themes;

/// <summary>The organisation's logo: uploaded on the settings page or by the API, re-encoded, served safely, shown.</summary>
[Collection(WebCollection.Name)]
public sealed partial class LogoTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task An_uploaded_logo_is_shrunk_to_webp_served_with_safe_headers_shown_in_the_top_bar_and_offered_as_an_app_icon()
    {
        var uploaded = await (await tenant.Admin.PutAsync("api/v1/settings/logo", Upload(Png(1000, 600), "logo.png"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(512, uploaded.GetProperty("width").GetInt32());
        Assert.Equal(307, uploaded.GetProperty("height").GetInt32());
        var version = uploaded.GetProperty("version").GetString()!;

        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        var image = await anonymous.GetAsync($"logo.webp?v={version}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/webp", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(image.Headers.CacheControl?.Public);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));

        var home = await anonymous.GetStringAsync("");
        Assert.Contains($"<img class=\"brand-logo\" src=\"/{tenant.Prefix}/logo.webp?v={version}\" alt=\"\"", home, StringComparison.Ordinal);
        var manifest = await (await anonymous.GetAsync("manifest.webmanifest")).ExpectJsonAsync(HttpStatusCode.OK);
        var icon = manifest.GetProperty("icons")[0];
        Assert.Equal($"/{tenant.Prefix}/logo.webp?v={version}", icon.GetProperty("src").GetString());
        Assert.Equal("512x307", icon.GetProperty("sizes").GetString());
        Assert.Equal("image/webp", icon.GetProperty("type").GetString());

        // Another organisation has no logo.
        using var other = tenant.Host.CreateClient("");
        Assert.DoesNotContain("brand-logo", await other.GetStringAsync(""), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync("api/v1/settings/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("logo.webp")).StatusCode);
        Assert.DoesNotContain("brand-logo", await anonymous.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_naming_logo_and_changes_nothing()
    {
        var before = await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);

        var html = await (await tenant.Admin.PutAsync("api/v1/settings/logo", Upload("<svg onload=alert(1)>"u8.ToArray(), "logo.png"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(html.GetProperty("errors").TryGetProperty("logo", out _));
        var missing = await (await tenant.Admin.PutAsync("api/v1/settings/logo", new MultipartFormDataContent { { new StringContent("no file"), "note" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("logo", out _));
        // A multipart body without any part cannot even be read: still the client's error, not the server's.
        await (await tenant.Admin.PutAsync("api/v1/settings/logo", new MultipartFormDataContent())).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var after = await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("logo").ValueKind, after.GetProperty("logo").ValueKind);
    }

    [Fact]
    public async Task The_settings_page_uploads_a_logo_and_shows_a_bad_file_next_to_the_field_in_french()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);

        using var french = new HttpRequestMessage(HttpMethod.Post, "admin/settings/logo") { Content = await FormUploadAsync(browser, "not an image"u8.ToArray()) };
        french.Headers.AcceptLanguage.ParseAdd("fr");
        var refused = await browser.SendAsync(french);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Le logo doit être une image PNG, JPEG, WebP ou GIF.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await browser.PostAsync("admin/settings/logo", await FormUploadAsync(browser, Png(64, 64)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.GetStringAsync("admin/settings");
        Assert.Contains("class=\"logo-preview\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"brand-logo\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync("api/v1/settings/logo")).StatusCode);
    }

    [Fact]
    public async Task Only_those_who_manage_the_settings_may_change_the_logo()
    {
        await tenant.CreateUserAsync("logo-employee", "Empl0yee-Pass", BuiltInRoles.Employee);
        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "logo-employee", "Empl0yee-Pass");

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PutAsync("api/v1/settings/logo", Upload(Png(64, 64), "logo.png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.DeleteAsync("api/v1/settings/logo")).StatusCode);
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "logo", fileName } };
    }

    /// <summary>The settings page's upload form, as a browser sends it: with that form's antiforgery token.</summary>
    private static async Task<MultipartFormDataContent> FormUploadAsync(HttpClient browser, byte[] content)
    {
        var page = await browser.GetStringAsync("admin/settings");
        var form = LogoForm().Match(page);
        Assert.True(form.Success, "No logo upload form on the settings page.");
        var upload = Upload(content, "logo.png");
        upload.Add(new StringContent(WebUtility.HtmlDecode(form.Groups["token"].Value)), "__RequestVerificationToken");
        return upload;
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0x24, 0x57, 0xd6));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [GeneratedRegex("<form[^>]*action=\"[^\"]*/admin/settings/logo\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex LogoForm();
}
