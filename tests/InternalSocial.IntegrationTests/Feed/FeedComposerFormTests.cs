using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>
/// The composer's files without JavaScript: they go with the form (multipart), refused ones are named beside the
/// field, and files uploaded beforehand (by the page's script) come back listed when the form has an error.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FeedComposerFormTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    private static readonly HtmlParser Parser = new();

    // A 16×12 PNG: uploads re-encode images, so it must be a real one.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAAAFUlEQVR4nGM4oaFBEmIY1TCqATsCALRr0gH04WUkAAAAAElFTkSuQmCC");

    [Fact]
    public async Task Files_sent_with_the_form_are_attached_and_a_refused_one_is_named_beside_the_field()
    {
        var (_, writer) = await tenant.CreateMemberAsync("form-files", BuiltInRoles.Employee);
        var page = Parser.ParseDocument(await writer.GetStringAsync("feed"));
        var form = page.QuerySelector("form.feed-composer-form")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(page.QuerySelector("label[for='Composer_Files']"));
        Assert.NotNull(form.QuerySelector("input#Composer_Files[type=file][name='Composer.Files'][multiple]"));

        var posted = await SubmitComposerAsync(writer, ("Composer.Body", "Site visit, photo and notes"), ("photo.png", Png), ("notes.txt", "Visit notes"u8.ToArray()));
        posted.EnsureRedirect();
        var card = Parser.ParseDocument(await writer.GetStringAsync("feed")).QuerySelectorAll("article.feed-post").Single(a => a.TextContent.Contains("Site visit", StringComparison.Ordinal));
        Assert.Equal("photo.webp", card.QuerySelector(".feed-attachments img")!.GetAttribute("alt"));
        Assert.Contains(card.QuerySelectorAll(".feed-attachments a"), a => a.TextContent == "notes.txt");

        // The photo before the refused file is kept, and listed to be attached on the next try.
        var refused = await SubmitComposerAsync(writer, ("Composer.Body", "Here is a tool"), ("before.png", Png), ("tool.exe", [0x4D, 0x5A, 0x90, 0x00]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Allowed files", again.QuerySelector("#composer-files-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Here is a tool", again.QuerySelector("#Composer_Body")!.TextContent);
        Assert.Equal("before.webp", again.QuerySelector(".feed-uploads li img")!.GetAttribute("alt"));
        Assert.DoesNotContain("Here is a tool", await writer.GetStringAsync("api/v1/feed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_uploaded_beforehand_come_back_listed_after_an_error_and_are_attached_on_the_next_try()
    {
        var (_, writer) = await tenant.CreateMemberAsync("form-preuploaded", BuiltInRoles.Employee);
        var upload = await (await UploadAsync(writer, "plan.png", Png)).ExpectJsonAsync(HttpStatusCode.Created);
        var id = upload.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var someoneElses = (await (await UploadAsync(tenant.Admin, "admin.txt", "mine"u8.ToArray())).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var empty = await SubmitComposerAsync(writer, [("Composer.Body", " "), ("Composer.Attachments", id)]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = Parser.ParseDocument(await empty.Content.ReadAsStringAsync());
        var listed = page.QuerySelector($".feed-uploads li:has(input[name='Composer.Attachments'][value='{id}'])")!;
        Assert.Equal("plan.webp", listed.QuerySelector("img")!.GetAttribute("alt"));
        Assert.NotNull(listed.QuerySelector("button[data-remove-upload]"));

        var stolen = await SubmitComposerAsync(writer, [("Composer.Body", "Not mine"), ("Composer.Attachments", someoneElses.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Contains("Attach only files you uploaded", Parser.ParseDocument(await stolen.Content.ReadAsStringAsync()).QuerySelector("#composer-files-error")!.TextContent, StringComparison.Ordinal);

        (await SubmitComposerAsync(writer, [("Composer.Body", "The new floor plan"), ("Composer.Attachments", id)])).EnsureRedirect();
        var card = Parser.ParseDocument(await writer.GetStringAsync("feed")).QuerySelectorAll("article.feed-post").Single(a => a.TextContent.Contains("The new floor plan", StringComparison.Ordinal));
        Assert.Equal($"/{tenant.Prefix}/api/v1/attachments/{id}", card.QuerySelector(".feed-attachments img")!.GetAttribute("src"));
    }

    private static Task<HttpResponseMessage> SubmitComposerAsync(HttpClient client, (string Name, string Value) body, params (string FileName, byte[] Content)[] files) =>
        SubmitComposerAsync(client, [body], files);

    /// <summary>Posts the composer as a browser without script does: multipart, with the form's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> SubmitComposerAsync(HttpClient client, IEnumerable<(string Name, string Value)> fields, params (string FileName, byte[] Content)[] files)
    {
        var page = Parser.ParseDocument(await client.GetStringAsync("feed"));
        var token = page.QuerySelector("form.feed-composer-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Composer.Files", fileName);
        }

        return await client.PostAsync("posts", content);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return client.PostAsync("api/v1/attachments", content);
    }
}
