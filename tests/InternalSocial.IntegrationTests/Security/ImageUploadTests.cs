using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Feed.Services;
using InternalSocial.IntegrationTests.Feed;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;
using InternalSocial.TestImages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 8: a small PNG describing 12,000 × 12,000 pixels is refused from its header (400 naming the field,
/// nothing stored), and photo and attachment uploads are rate-limited per person, guests included.
/// </summary>
public abstract class ImageUploadTests(FeedTenant tenant)
{
    private static readonly byte[] Bomb = PngBomb.Create(12_000, 12_000);

    [SkippableFact]
    public async Task A_12000_by_12000_png_photo_from_a_guest_is_refused_naming_the_field_and_nothing_is_stored()
    {
        tenant.SkipIfUnavailable();
        Assert.InRange(Bomb.Length, 1, 1024 * 1024);
        var (id, guest) = await tenant.CreateMemberAsync("bomb-guest-" + Guid.NewGuid().ToString("N")[..6], BuiltInRoles.Guest);

        var refused = await (await guest.PutAsync("api/v1/users/me/photo", Upload("photo", Bomb, "bomb.png"))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("40 megapixels", refused.GetProperty("errors").GetProperty("photo").ToString(), StringComparison.Ordinal);
        var me = await (await guest.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("photoUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"api/v1/users/{id}/photo")).StatusCode);
    }

    [SkippableFact]
    public async Task A_12000_by_12000_png_attachment_is_refused_naming_the_field_and_nothing_is_stored()
    {
        tenant.SkipIfUnavailable();
        var (id, employee) = await tenant.CreateMemberAsync("bomb-employee-" + Guid.NewGuid().ToString("N")[..6], BuiltInRoles.Employee);

        var refused = await (await employee.PostAsync("api/v1/attachments", Upload("file", Bomb, "bomb.png"))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("40 megapixels", refused.GetProperty("errors").GetProperty("attachments").ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await InTenantAsync(services => services.GetRequiredService<FeedDbContext>().Attachments.CountAsync(a => a.UploadedBy == id)));
    }

    [SkippableFact]
    public async Task Photo_uploads_past_the_hosts_limit_answer_429_and_change_nothing_for_guests_too()
    {
        tenant.SkipIfUnavailable();
        var limit = tenant.Host.Services.GetRequiredService<IOptions<InternalSocialOptions>>().Value.UploadsPerMinute;
        var (id, guest) = await tenant.CreateMemberAsync("busy-guest-" + Guid.NewGuid().ToString("N")[..6], BuiltInRoles.Guest);
        var photo = PngBomb.Create(64, 64);
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await guest.PutAsync("api/v1/users/me/photo", Upload("photo", photo, "me.png"))).StatusCode);
        }

        var before = (await (await guest.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("photoUrl").GetString();
        var refused = await guest.PutAsync("api/v1/users/me/photo", Upload("photo", photo, "me.png"));

        var problem = await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("photos a minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 60);
        var after = (await (await guest.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("photoUrl").GetString();
        Assert.Equal(before, after);
    }

    [SkippableFact]
    public async Task Attachments_sent_with_the_composer_form_count_toward_the_posting_limit()
    {
        tenant.SkipIfUnavailable();
        var userName = "form-poster-" + Guid.NewGuid().ToString("N")[..6];
        await tenant.CreateUserAsync(userName, Password, BuiltInRoles.Employee);
        var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(userName, Password)).StatusCode);
        var id = (await (await browser.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString();
        await (await tenant.Admin.PutAsJsonAsync("api/v1/feed/settings", new { postsPerMinute = 2 })).ExpectJsonAsync(HttpStatusCode.OK);
        try
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await PostFormWithImageAsync(browser, $"Form post {i}")).StatusCode);
            }

            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
            // The refused post stored neither itself nor its file.
            Assert.Equal(2, await InTenantAsync(services => services.GetRequiredService<FeedDbContext>().Attachments.CountAsync(a => a.UploadedBy == id)));
        }
        finally
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/feed/settings", new { postsPerMinute = (int?)null })).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    private const string Password = "Upl0ad-Password";

    private static async Task<HttpResponseMessage> PostFormWithImageAsync(HttpClient browser, string body)
    {
        var page = await browser.GetStringAsync("feed");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The feed page has no antiforgery token.");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(body), "Composer.Body" },
        };
        var file = new ByteArrayContent(PngBomb.Create(32, 32));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "Composer.Files", "small.png");
        return await browser.PostAsync("posts", form);
    }

    private async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> query)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(query);
    }

    private static MultipartFormDataContent Upload(string field, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, field, fileName);
        return form;
    }
}

[Collection(WebCollection.Name)]
public sealed class ImageUploadTestsOnSqlite(FeedSqliteTenant tenant) : ImageUploadTests(tenant), IClassFixture<FeedSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class ImageUploadTestsOnPostgres(FeedPostgresTenant tenant) : ImageUploadTests(tenant), IClassFixture<FeedPostgresTenant>;
