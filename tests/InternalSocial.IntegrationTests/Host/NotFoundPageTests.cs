using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>An unknown address gets the themed, localized error page with a way home; the API keeps its problem documents.</summary>
[Collection(WebCollection.Name)]
public sealed class NotFoundPageTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Theory]
    [InlineData("no/such/page", "en-GB", "lang=\"en\"", "Page not found")]
    [InlineData("admin/tenants", "en-GB", "lang=\"en\"", "Page not found")]
    [InlineData("no/such/page", "fr-FR", "lang=\"fr\"", "Page introuvable")]
    public async Task An_unknown_address_answers_404_with_the_themed_page_in_the_visitors_language(string path, string language, string lang, string title)
    {
        using var visitor = tenant.Host.CreateClient(tenant.Prefix);
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await visitor.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(lang, html, StringComparison.Ordinal);
        Assert.Matches($"<title>[^<]*{title}", html);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{tenant.Prefix}/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_to_an_unknown_address_gets_the_page_too_and_the_api_a_problem_document()
    {
        using var visitor = tenant.Host.CreateClient(tenant.Prefix);
        var posted = await visitor.PostAsync("no/such/form", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("Page not found", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await (await tenant.Admin.GetAsync("api/v1/no-such-thing")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
