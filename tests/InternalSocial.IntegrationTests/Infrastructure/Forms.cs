using System.Net;
using System.Text.RegularExpressions;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>Submits server-rendered forms the way a browser does: with the antiforgery token of that very form.</summary>
public static partial class Forms
{
    /// <param name="postUrl">Relative to the client's base address; the page must hold a form posting there.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var target = new Uri(client.BaseAddress!, postUrl).AbsolutePath.TrimEnd('/');
        // A form without an action posts to its own page.
        var form = FormElement().Matches(html).FirstOrDefault(m =>
        {
            var action = ActionAttribute().Match(m.Groups["attributes"].Value);
            var url = action.Success ? WebUtility.HtmlDecode(action.Groups[1].Value) : pageUrl;
            return new Uri(client.BaseAddress!, url).AbsolutePath.TrimEnd('/') == target;
        });
        Assert.True(form is not null, $"No form posting to {target} on {pageUrl}.");
        var token = AntiforgeryField().Match(form.Groups["body"].Value);
        Assert.True(token.Success, $"The form posting to {target} on {pageUrl} has no antiforgery token.");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in with the sign-in form; a redirect means it worked.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.SubmitAsync("account/signin", "account/signin", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    [GeneratedRegex("<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionAttribute();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
