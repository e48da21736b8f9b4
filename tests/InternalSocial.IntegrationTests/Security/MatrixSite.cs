using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// One tenant as the authorization matrix sees it: a person per caller, each with a token (for the API) and a signed-in
/// cookie with its antiforgery token (for forms), and named content that rows of the table point at with {placeholders}.
/// A {fresh.kind} placeholder makes new content for each cell, for requests that would change what later cells see.
/// </summary>
public sealed partial class MatrixSite(HostFixture host, string tenantName, string prefix, string namePrefix)
{
    public const string Password = "Matr1x-Password";

    private static int _addresses;
    private static int _fresh;

    private readonly Dictionary<string, HttpClient> _api = [];
    private readonly Dictionary<string, HttpClient> _browsers = [];
    private readonly Dictionary<string, string> _formTokens = [];
    private readonly Dictionary<string, string> _values = [];

    public string TenantName { get; } = tenantName;

    public Uri BaseAddress { get; } = new(prefix.Length == 0 ? "http://localhost/" : $"http://localhost/{prefix}/");

    private static readonly (string Caller, string Role)[] People =
    [
        ("guest", BuiltInRoles.Guest), ("employee", BuiltInRoles.Employee), ("member", BuiltInRoles.Employee),
        ("owner", BuiltInRoles.Employee), ("moderator", BuiltInRoles.Moderator), ("director", BuiltInRoles.CommunicationDirector),
    ];

    /// <summary>Creates the people and signs each in, for the API and for forms.</summary>
    public async Task SetUpPeopleAsync()
    {
        var shell = await host.ShellHost.GetOrCreateShellAsync(TenantName, CancellationToken.None);
        foreach (var (caller, role) in People.Append(("admin", BuiltInRoles.Administrator)))
        {
            var userName = caller == "admin" ? "admin" : namePrefix + caller;
            var (id, token) = await shell.InScopeAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<User>>();
                var user = await users.FindByNameAsync(userName);
                if (user is null)
                {
                    user = new User { UserName = userName, Email = $"{userName}@{TenantName}.test", DisplayName = "Matrix " + caller, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
                    Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                    Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
                }

                var created = await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "matrix", null, CancellationToken.None);
                return (user.Id, created.Token);
            });
            _values[caller + ".id"] = id;
            _values[caller + ".name"] = userName;
            _api[caller] = NewClient();
            _api[caller].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var browser = NewClient();
            var signedIn = await browser.SignInAsync(userName, caller == "admin" ? HostFixture.AdminPassword : Password);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{caller} could not sign in to {TenantName}.");
            _browsers[caller] = browser;
            _formTokens[caller] = await FormTokenAsync(browser, "");
        }

        _api["anonymous"] = NewClient();
        _browsers["anonymous"] = NewClient();
        _formTokens["anonymous"] = await FormTokenAsync(_browsers["anonymous"], "account/signin");
        _values["user"] = _values["employee.id"];
        _values["user.name"] = _values["employee.name"];
    }

    /// <summary>The content rows point at: a private group with its owner and member, a guest's own group, a post and a
    /// comment of the member in the group, a company-wide post, a newsletter edition, the approval workflow and a poll of the member's.</summary>
    public async Task SetUpContentAsync()
    {
        var (group, slug) = await CreateGroupAsync("Matrix private", "member");
        _values["group"] = group;
        _values["group.slug"] = slug;
        _values["guestGroup"] = (await CreateGroupAsync("Matrix guests", "guest")).Id;
        _values["post"] = await CreatePostAsync("member", "The matrix group post", group);
        _values["companyPost"] = await CreatePostAsync("admin", "The matrix company post", null);
        _values["comment"] = await CreateCommentAsync(_values["post"]);
        _values["edition"] = await CreateEditionAsync();
        _values["workflow"] = "approve-group-posts";
        _values["poll"] = (await CreatePollAsync()).Id;
    }

    /// <summary>Sends the row's request as <paramref name="caller"/>; <paramref name="other"/> is another tenant, whose
    /// administrator plays the "otherTenant" caller with their own token or cookie.</summary>
    public async Task<string> SendAsync(string caller, string method, bool isApi, MatrixRow row, MatrixSite other)
    {
        var fresh = new Dictionary<string, string>();
        var path = await ResolveAsync(row.Request, fresh);
        var (site, person) = caller == "otherTenant" ? (other, "admin") : (this, caller);
        var client = isApi ? site._api[person] : site._browsers[person];
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseAddress, path));
        if (isApi && method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(JsonNode.Parse(await ResolveAsync((row.Body ?? []).ToJsonString(), fresh)));
        }
        else if (!isApi)
        {
            var fields = (row.Body ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
            fields["__RequestVerificationToken"] = site._formTokens[person];
            foreach (var key in fields.Keys.ToList())
            {
                fields[key] = await ResolveAsync(fields[key], fresh);
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        using var response = await client.SendAsync(request);
        return Outcome(response);
    }

    /// <summary>The status; a redirect to the sign-in page reads "login" and to the access-denied page "denied", since
    /// forms answer success with a redirect too.</summary>
    private static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return (int)response.StatusCode switch
        {
            302 when location.Contains("/account/signin", StringComparison.Ordinal) => "login",
            302 when location.Contains("/account/denied", StringComparison.Ordinal) => "denied",
            var status => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private HttpClient NewClient()
    {
        var client = host.CreateClient(prefix);
        // Each person calls from an address of their own, so per-address rate limits count them apart.
        var n = Interlocked.Increment(ref _addresses);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, $"10.77.{n / 250}.{(n % 250) + 1}");
        return client;
    }

    private static async Task<string> FormTokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"No antiforgery token on '{page}'.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    private async Task<string> ResolveAsync(string template, Dictionary<string, string> fresh)
    {
        foreach (Match match in Placeholder().Matches(template))
        {
            var key = match.Groups[1].Value;
            if (key.StartsWith("fresh.", StringComparison.Ordinal) && !fresh.ContainsKey(key))
            {
                await CreateFreshAsync(key.Split('.')[1], fresh);
            }

            var value = fresh.TryGetValue(key, out var made) ? made : _values.TryGetValue(key, out var named) ? named
                : throw new InvalidOperationException($"The matrix names an unknown placeholder {{{key}}}.");
            template = template.Replace(match.Value, value, StringComparison.Ordinal);
        }

        return template;
    }

    private async Task CreateFreshAsync(string kind, Dictionary<string, string> fresh)
    {
        var n = Interlocked.Increment(ref _fresh);
        switch (kind)
        {
            case "user":
                var user = await (await _api["admin"].PostAsJsonAsync("api/v1/users", new { userName = $"{namePrefix}fresh{n}", email = $"{namePrefix}fresh{n}@{TenantName}.test", password = Password })).ExpectJsonAsync(HttpStatusCode.Created);
                fresh["fresh.user"] = user.GetProperty("id").GetString()!;
                fresh["fresh.user.name"] = $"{namePrefix}fresh{n}";
                break;
            case "group":
                (fresh["fresh.group"], fresh["fresh.group.slug"]) = await CreateGroupAsync($"Matrix fresh {n}", "member");
                break;
            case "post":
                fresh["fresh.post"] = await CreatePostAsync("member", $"Fresh post {n}", _values["group"]);
                break;
            case "comment":
                fresh["fresh.comment"] = await CreateCommentAsync(_values["post"]);
                break;
            case "edition":
                fresh["fresh.edition"] = await CreateEditionAsync();
                break;
            case "poll":
                (fresh["fresh.poll"], fresh["fresh.poll.option"]) = await CreatePollAsync();
                fresh["fresh.poll.closed"] = (await CreatePollAsync()).Id;
                await (await _api["member"].PostAsync($"api/v1/polls/{fresh["fresh.poll.closed"]}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
                break;
            case "quiz":
                (fresh["fresh.quiz"], fresh["fresh.quiz.question"], fresh["fresh.quiz.option"]) = await CreateQuizAsync();
                fresh["fresh.quiz.closed"] = (await CreateQuizAsync()).Id;
                await (await _api["member"].PostAsync($"api/v1/quizzes/{fresh["fresh.quiz.closed"]}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
                break;
            case "survey":
                (fresh["fresh.survey"], fresh["fresh.survey.question"]) = await CreateSurveyAsync();
                fresh["fresh.survey.closed"] = (await CreateSurveyAsync()).Id;
                await (await _api["director"].PostAsync($"api/v1/surveys/{fresh["fresh.survey.closed"]}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
                break;
            default:
                throw new InvalidOperationException($"The matrix names an unknown kind of fresh content '{kind}'.");
        }
    }

    private async Task<(string Id, string Slug)> CreateGroupAsync(string name, string memberCaller)
    {
        var group = await (await _api["owner"].PostAsJsonAsync("api/v1/groups", new { name, visibility = "private", type = "project" })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = group.GetProperty("id").GetInt64();
        await (await _api["owner"].PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { _values[memberCaller + ".name"] } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await _api[memberCaller].PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        return (id.ToString(System.Globalization.CultureInfo.InvariantCulture), group.GetProperty("slug").GetString()!);
    }

    private async Task<string> CreatePostAsync(string caller, string body, string? groupId)
    {
        object request = groupId is null ? new { body } : new { body, audience = new { groups = new[] { long.Parse(groupId, System.Globalization.CultureInfo.InvariantCulture) } } };
        var post = await (await _api[caller].PostAsJsonAsync("api/v1/posts", request)).ExpectJsonAsync(HttpStatusCode.Created);
        return post.GetProperty("id").ToString();
    }

    private async Task<string> CreateEditionAsync()
    {
        var edition = await (await _api["director"].PostAsJsonAsync("api/v1/newsletter/editions", new
        {
            title = "Matrix news",
            blocks = new object[] { new { postId = long.Parse(_values["companyPost"], System.Globalization.CultureInfo.InvariantCulture) } },
            audience = new { everyone = true },
        })).ExpectJsonAsync(HttpStatusCode.Created);
        return edition.GetProperty("id").ToString();
    }

    /// <summary>A standalone poll of the member's, and its first option.</summary>
    private async Task<(string Id, string OptionId)> CreatePollAsync()
    {
        var created = await (await _api["member"].PostAsJsonAsync("api/v1/polls", new { question = "Matrix poll?", options = new[] { "Yes", "No" } })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").ToString();
        var poll = await (await _api["member"].GetAsync($"api/v1/polls/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        return (id, poll.GetProperty("options")[0].GetProperty("id").ToString());
    }

    /// <summary>A standalone quiz of the member's with a leaderboard, its question and its correct option.</summary>
    private async Task<(string Id, string QuestionId, string OptionId)> CreateQuizAsync()
    {
        var body = new { title = "Matrix quiz", leaderboard = true, questions = new[] { new { text = "Right?", options = new[] { new { text = "Yes", correct = true }, new { text = "No", correct = false } } } } };
        var id = (await (await _api["member"].PostAsJsonAsync("api/v1/quizzes", body)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").ToString();
        var question = (await (await _api["member"].GetAsync($"api/v1/quizzes/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("questions")[0];
        return (id, question.GetProperty("id").ToString(), question.GetProperty("options")[0].GetProperty("id").ToString());
    }

    /// <summary>A survey of the director's for everyone, its one question optional, its results always shown.</summary>
    private async Task<(string Id, string Question)> CreateSurveyAsync()
    {
        var created = await (await _api["director"].PostAsJsonAsync("api/v1/surveys", new { title = "Matrix survey", resultsVisibility = "always", questions = new[] { new { text = "Anything to add?", kind = "text" } } })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").ToString();
        var survey = await (await _api["director"].GetAsync($"api/v1/surveys/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        return (id, survey.GetProperty("questions")[0].GetProperty("id").ToString());
    }

    private async Task<string> CreateCommentAsync(string postId)
    {
        var comment = await (await _api["member"].PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "A matrix comment" })).ExpectJsonAsync(HttpStatusCode.Created);
        return comment.GetProperty("id").ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z.]*)\}")]
    private static partial Regex Placeholder();
}
