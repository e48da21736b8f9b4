using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace InternalSocial.IntegrationTests.Newsletter;

/// <summary>
/// The internal newsletter, against a real SMTP server started by the test: who gets an edition (and who never does),
/// in which language, the rule that keeps a post from reaching people who may not open it, opens and clicks counted
/// once per recipient, unsubscribing, sending once only, and the pages' permission.
/// </summary>
public abstract partial class NewsletterTests(NewsletterTenant tenant) : IAsyncLifetime
{
    private const string Password = NewsletterTenant.Password;

    public async Task InitializeAsync()
    {
        if (!tenant.IsAvailable)
        {
            return;
        }

        // Whatever earlier tests queued goes out first, so that each test sees only its own mails.
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        tenant.Smtp.Received.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task An_edition_to_a_department_reaches_its_active_employees_once_each_in_their_language_with_the_posts_and_working_links()
    {
        tenant.SkipIfUnavailable();
        var results = await PostAsync("Quarterly results are in: revenue up 12%");
        var canteen = await PostAsync("The canteen opens on Monday with a new menu");
        var id = await CreateAsync(new
        {
            title = "Finance news",
            intro = "Hello **Finance**",
            blocks = new object[] { new { postId = results }, new { text = "See you at the *party* on Friday" }, new { postId = canteen } },
            audience = new { everyone = false, departments = new[] { "Finance" } },
        });

        var sent = await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{id}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, sent.GetProperty("recipients").GetInt32());
        var mails = await DeliveredAsync("Finance news");

        Assert.Equal(["finance-en", "finance-fr"], mails.Select(m => Recipient(m)).Order(StringComparer.Ordinal));
        var french = mails.Single(m => Recipient(m) == "finance-fr");
        var english = mails.Single(m => Recipient(m) == "finance-en");
        Assert.Contains("Lire la publication", french.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Par director", french.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Read the post", english.HtmlBody, StringComparison.Ordinal);
        foreach (var mail in mails)
        {
            Assert.Equal($"[Org {tenant.Name}] Finance news", mail.Subject);
            Assert.Contains("<strong>Finance</strong>", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("Quarterly results are in: revenue up 12%", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("The canteen opens on Monday with a new menu", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("<em>party</em>", mail.HtmlBody, StringComparison.Ordinal);
            Assert.True(mail.HtmlBody!.IndexOf("Quarterly", StringComparison.Ordinal) < mail.HtmlBody!.IndexOf("party", StringComparison.Ordinal)
                && mail.HtmlBody!.IndexOf("party", StringComparison.Ordinal) < mail.HtmlBody!.IndexOf("canteen", StringComparison.Ordinal), "The blocks keep their order.");
            Assert.NotNull(mail.Headers[HeaderId.ListUnsubscribe]);
        }

        // The text part's "Read the post" links go, through the counting redirect, to each post.
        var links = ReadLinks().Matches(english.TextBody!).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.EndsWith($"/{tenant.Prefix}/posts/{results}", (await tenant.Anonymous.GetAsync(links[0])).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"/{tenant.Prefix}/posts/{canteen}", (await tenant.Anonymous.GetAsync(links[1])).Headers.Location!.ToString(), StringComparison.Ordinal);

        var edition = await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sent", edition.GetProperty("status").GetString());
        var stats = edition.GetProperty("stats");
        Assert.Equal(2, stats.GetProperty("recipients").GetInt32());
        Assert.Equal(2, stats.GetProperty("queued").GetInt32());
        Assert.Equal(2, stats.GetProperty("delivered").GetInt32());
    }

    [SkippableFact]
    public async Task A_private_group_post_in_an_edition_for_everyone_is_refused_naming_the_post_and_nothing_is_sent()
    {
        tenant.SkipIfUnavailable();
        var group = await (await tenant.Director.PostAsJsonAsync("api/v1/groups", new { name = "Board room", visibility = "Private" })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        var secret = await PostAsync("Merger talks start next week", groupId);
        var open = await PostAsync("Welcome to our new colleagues");

        var refused = await (await tenant.Director.PostAsJsonAsync("api/v1/newsletter/editions", new
        {
            title = "Leaky news",
            blocks = new object[] { new { postId = open }, new { postId = secret } },
            audience = new { everyone = true },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var problem = refused.GetProperty("errors").GetProperty("blocks[1].postId")[0].GetString()!;
        Assert.Contains($"Post {secret}", problem, StringComparison.Ordinal);
        Assert.Contains("Board room", problem, StringComparison.Ordinal);
        Assert.False(refused.GetProperty("errors").TryGetProperty("blocks[0].postId", out _));

        // The same post is fine in an edition for exactly that group; a draft made valid cannot be turned into a leak.
        var id = await CreateAsync(new { title = "Board news", blocks = new object[] { new { postId = secret } }, audience = new { groups = new[] { groupId } } });
        var widened = await (await tenant.Director.PutAsJsonAsync($"api/v1/newsletter/editions/{id}", new
        {
            title = "Board news",
            blocks = new object[] { new { postId = secret } },
            audience = new { departments = new[] { "Finance" }, groups = new[] { groupId } },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"Post {secret}", widened.GetProperty("errors").GetProperty("blocks[0].postId")[0].GetString(), StringComparison.Ordinal);

        Assert.DoesNotContain((await (await tenant.Director.GetAsync("api/v1/newsletter/editions")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray(), e => e.GetProperty("title").GetString() == "Leaky news");
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        Assert.Empty(tenant.Smtp.Received);
    }

    [SkippableFact]
    public async Task An_edition_to_a_group_reaches_its_members_guests_included_with_the_group_s_posts_but_never_a_company_post_a_guest_could_not_open()
    {
        tenant.SkipIfUnavailable();
        var group = await (await tenant.Director.PostAsJsonAsync("api/v1/groups", new { name = "Partners", visibility = "Private" })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        foreach (var member in new[] { "finance-guest", "legal1" })
        {
            await (await tenant.Director.PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = new[] { member } })).ExpectJsonAsync(HttpStatusCode.OK);
            using var client = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, member, Password);
            await (await client.PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var inGroup = await PostAsync("Partner summit agenda is ready", groupId);
        var company = await PostAsync("Company picnic on Saturday");
        var refused = await (await tenant.Director.PostAsJsonAsync("api/v1/newsletter/editions", new
        {
            title = "Partners news",
            blocks = new object[] { new { postId = inGroup }, new { postId = company } },
            audience = new { groups = new[] { groupId } },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("guests", refused.GetProperty("errors").GetProperty("blocks[1].postId")[0].GetString(), StringComparison.Ordinal);
        await (await tenant.Director.PostAsJsonAsync("api/v1/newsletter/editions", new { title = "x", blocks = new object[] { new { text = "x" } }, audience = new { groups = new[] { 999999L } } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        var id = await CreateAsync(new { title = "Partners news", blocks = new object[] { new { postId = inGroup } }, audience = new { groups = new[] { groupId } } });
        await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{id}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var mails = await DeliveredAsync("Partners news");
        Assert.Equal(["director", "finance-guest", "legal1"], mails.Select(m => Recipient(m)).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains("Partner summit agenda is ready", m.HtmlBody, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_large_audience_is_queued_in_chunks_in_the_background_and_each_person_gets_one_mail()
    {
        tenant.SkipIfUnavailable();
        const int People = 230;
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            for (var i = 0; i < People; i++)
            {
                var user = new User { UserName = $"worker{i}", Email = $"worker{i}@{tenant.Name}.test", DisplayName = $"Worker {i}", Department = "Warehouse", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, BuiltInRoles.Employee)).Succeeded);
            }

            return 0;
        });
        var id = await CreateAsync(new { title = "Warehouse news", blocks = new object[] { new { text = "Forklift training on Tuesday." } }, audience = new { departments = new[] { "Warehouse" } } });

        var sent = await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{id}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(People, sent.GetProperty("recipients").GetInt32());
        Assert.Equal("Sending", sent.GetProperty("status").GetString());
        Assert.True(sent.GetProperty("queued").GetInt32() < People, "The request queues only the first chunk.");

        for (var run = 0; run < 20 && tenant.Smtp.Received.Count(m => m.Subject!.EndsWith("Warehouse news", StringComparison.Ordinal)) < People; run++)
        {
            await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        }

        var mails = tenant.Smtp.Received.Where(m => m.Subject!.EndsWith("Warehouse news", StringComparison.Ordinal)).ToList();
        Assert.Equal(People, mails.Count);
        Assert.Equal(People, mails.Select(m => Recipient(m)).Distinct().Count());
        var stats = await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sent", stats.GetProperty("status").GetString());
        Assert.Equal(People, stats.GetProperty("stats").GetProperty("queued").GetInt32());
        Assert.Equal(People, stats.GetProperty("stats").GetProperty("delivered").GetInt32());
    }

    [SkippableFact]
    public async Task Opens_and_clicks_count_once_per_recipient_and_the_redirect_goes_only_to_the_edition_s_links()
    {
        tenant.SkipIfUnavailable();
        var post = await PostAsync("Read the safety rules https://intranet.example/safety before Monday");
        var id = await CreateAsync(new { title = "Sales news", blocks = new object[] { new { postId = post } }, audience = new { sites = new[] { "Lyon" } } });
        await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{id}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var mails = await DeliveredAsync("Sales news");
        Assert.Equal(["sales1", "sales2"], mails.Select(m => Recipient(m)).Order(StringComparer.Ordinal));

        var first = mails.Single(m => Recipient(m) == "sales1").HtmlBody!;
        var pixel = PixelLink().Match(first).Groups[1].Value;
        var clicks = ClickLinks().Matches(first).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(2, clicks.Count);
        Assert.DoesNotContain("https://intranet.example/safety\"", first, StringComparison.Ordinal);

        for (var i = 0; i < 2; i++)
        {
            var image = await tenant.Anonymous.GetAsync(pixel);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/gif", image.Content.Headers.ContentType?.MediaType);
            var redirect = await tenant.Anonymous.GetAsync(clicks[0]);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal("https://intranet.example/safety", redirect.Headers.Location!.ToString());
        }

        var stats = await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}/stats")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, stats.GetProperty("recipients").GetInt32());
        Assert.Equal(1, stats.GetProperty("uniqueOpens").GetInt32());
        Assert.Equal(1, stats.GetProperty("uniqueClicks").GetInt32());
        var perLink = stats.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, perLink.Count);
        Assert.Equal("https://intranet.example/safety", perLink[0].GetProperty("url").GetString());
        Assert.Equal(1, perLink[0].GetProperty("uniqueClicks").GetInt32());
        Assert.Equal(0, perLink[1].GetProperty("uniqueClicks").GetInt32());

        // Another recipient counts too; a link the edition does not hold, or a made-up token, goes nowhere.
        var second = mails.Single(m => Recipient(m) == "sales2").HtmlBody!;
        Assert.Equal(HttpStatusCode.Redirect, (await tenant.Anonymous.GetAsync(WebUtility.HtmlDecode(ClickLinks().Matches(second)[1].Groups[1].Value))).StatusCode);
        var token = TokenOf().Match(clicks[0]).Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Anonymous.GetAsync($"newsletter/c/{token}/7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Anonymous.GetAsync($"newsletter/c/{new string('A', 32)}/0")).StatusCode);
        stats = await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}/stats")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, stats.GetProperty("uniqueOpens").GetInt32());
        Assert.Equal(2, stats.GetProperty("uniqueClicks").GetInt32());

        // The edition's page shows the counts, and no one's name.
        using var director = await tenant.BrowserAsync("director");
        var page = await director.GetStringAsync($"admin/newsletter/{id}");
        Assert.Contains("https://intranet.example/safety", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sales1", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_person_who_unsubscribed_gets_no_more_editions_and_an_edition_is_sent_only_once()
    {
        tenant.SkipIfUnavailable();
        var post = await PostAsync("Legal updates for the new year");
        var first = await CreateAsync(new { title = "Legal news 1", blocks = new object[] { new { postId = post } }, audience = new { departments = new[] { "Legal" } } });
        await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{first}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var mails = await DeliveredAsync("Legal news 1");
        Assert.Equal(2, mails.Count);
        var unsubscribe = mails.Single(m => Recipient(m) == "legal2").Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        Assert.Equal(HttpStatusCode.OK, (await tenant.Anonymous.GetAsync(unsubscribe)).StatusCode);
        var token = new Uri(unsubscribe).Query.Split("token=")[1];
        // The one-click POST of mail clients, without a form or an antiforgery token.
        Assert.Equal(HttpStatusCode.OK, (await tenant.Anonymous.PostAsync("newsletter/unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Anonymous.PostAsync("newsletter/unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nope" }))).StatusCode);

        var second = await CreateAsync(new { title = "Legal news 2", blocks = new object[] { new { text = "Nothing new this month." } }, audience = new { departments = new[] { "Legal" } } });
        var sent = await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{second}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, sent.GetProperty("recipients").GetInt32());
        await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{second}/send", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Director.PutAsJsonAsync($"api/v1/newsletter/editions/{second}", new { title = "Changed", blocks = new object[] { new { text = "x" } }, audience = new { everyone = true } })).ExpectProblemAsync(HttpStatusCode.Conflict);

        var again = await DeliveredAsync("Legal news 2");
        Assert.Equal("legal1", Recipient(Assert.Single(again)));
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        Assert.Single(tenant.Smtp.Received, m => m.Subject!.EndsWith("Legal news 2", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_person_who_unsubscribed_subscribes_again_with_the_switch_among_their_notification_settings()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("auditor", Password, BuiltInRoles.Employee);
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByNameAsync("auditor"))!;
            user.Department = "Audit";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        using var api = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "auditor", Password);
        using var browser = await tenant.BrowserAsync("auditor");
        Assert.Matches("id=\"newsletter-subscribed\"[^>]*checked", await browser.GetStringAsync("notifications/preferences"));

        var missing = await (await api.PutAsJsonAsync("api/v1/newsletter/subscription", new { })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("subscribed", out _));
        await (await api.PutAsJsonAsync("api/v1/newsletter/subscription", new { subscribed = false })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False((await (await api.GetAsync("api/v1/newsletter/subscription")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("subscribed").GetBoolean());
        var page = await browser.GetStringAsync("notifications/preferences");
        Assert.Contains("Receive the newsletter by e-mail", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"newsletter-subscribed\"[^>]*checked", page);

        // The switch, ticked again, posts its own form and comes back to the settings page.
        var returnUrl = System.Net.WebUtility.HtmlDecode(Regex.Match(page, "name=\"returnUrl\" value=\"([^\"]+)\"").Groups[1].Value);
        var saved = await browser.SubmitAsync("notifications/preferences", "newsletter/subscription", new Dictionary<string, string> { ["subscribed"] = "true", ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/{tenant.Prefix}/notifications/preferences", saved.Headers.Location!.OriginalString);
        Assert.True((await (await api.GetAsync("api/v1/newsletter/subscription")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("subscribed").GetBoolean());

        var id = await CreateAsync(new { title = "Audit news", blocks = new object[] { new { text = "The auditors visit in June." } }, audience = new { departments = new[] { "Audit" } } });
        await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{id}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("auditor", Recipient(Assert.Single(await DeliveredAsync("Audit news"))));
    }

    [SkippableFact]
    public async Task A_person_s_newsletter_data_is_in_their_export_and_erasing_them_keeps_the_counts_without_them()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("archivist", Password, BuiltInRoles.Employee);
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var userId = await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByNameAsync("archivist"))!;
            user.Department = "Archive";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            return user.Id;
        });
        var id = await CreateAsync(new { title = "Archive news", blocks = new object[] { new { text = "Boxes move to the basement." } }, audience = new { departments = new[] { "Archive" } } });
        await (await tenant.Director.PostAsync($"api/v1/newsletter/editions/{id}/send", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var mail = Assert.Single(await DeliveredAsync("Archive news"));
        Assert.Equal(HttpStatusCode.OK, (await tenant.Anonymous.GetAsync(PixelLink().Match(mail.HtmlBody!).Groups[1].Value)).StatusCode);

        using (var archivist = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "archivist", Password))
        {
            using var zip = new System.IO.Compression.ZipArchive(await (await archivist.GetAsync("api/v1/users/me/export")).Content.ReadAsStreamAsync());
            var exported = JsonDocument.Parse(zip.GetEntry("newsletter.json")!.Open()).RootElement;
            var edition = Assert.Single(exported.GetProperty("editions").EnumerateArray());
            Assert.Equal("Archive news", edition.GetProperty("title").GetString());
            Assert.NotEqual(JsonValueKind.Null, edition.GetProperty("openedUtc").ValueKind);
        }

        await (await tenant.Admin.PostAsync($"api/v1/users/{userId}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsync($"api/v1/users/{userId}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        var stats = await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}/stats")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("recipients").GetInt32());
        Assert.Equal(1, stats.GetProperty("uniqueOpens").GetInt32());
        var remaining = await shell.InScopeAsync(services =>
            services.GetRequiredService<InternalSocial.Newsletter.Services.NewsletterDbContext>().Recipients.CountAsync(r => r.UserId == userId));
        Assert.Equal(0, remaining);
    }

    [SkippableFact]
    public async Task Pages_answer_403_without_Newsletter_Manage_and_a_director_composes_previews_and_tests_through_them()
    {
        tenant.SkipIfUnavailable();
        using var employee = await tenant.BrowserAsync("sales1");
        foreach (var path in new[] { "admin/newsletter", "admin/newsletter/new", "admin/newsletter/1", "admin/newsletter/1/preview" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(path)).StatusCode);
        }

        await (await tenant.Sales.GetAsync("api/v1/newsletter/editions")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Sales.PostAsJsonAsync("api/v1/newsletter/editions", new { title = "Mine", blocks = new object[] { new { text = "x" } }, audience = new { everyone = true } })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var post = await PostAsync("Our new office in Lyon opens in March");
        using var director = await tenant.BrowserAsync("director");
        Assert.Contains("href=\"/" + tenant.Prefix + "/admin/newsletter\"", await director.GetStringAsync("admin"), StringComparison.Ordinal);
        var missing = await director.SubmitAsync("admin/newsletter/new", "admin/newsletter/new", new Dictionary<string, string> { ["Title"] = "", ["Blocks[0].Post"] = "banana", ["Audience"] = "everyone" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Give the post", errors, StringComparison.Ordinal);

        var created = await director.SubmitAsync("admin/newsletter/new", "admin/newsletter/new", new Dictionary<string, string>
        {
            ["Title"] = "Lyon news",
            ["Intro"] = "Big *news*",
            ["Blocks[0].Post"] = $"https://intranet/{tenant.Prefix}/posts/{post}",
            ["Blocks[0].Position"] = "2",
            ["Blocks[1].Text"] = "First, a word from the director.",
            ["Blocks[1].Position"] = "1",
            ["Audience"] = "chosen",
            ["Sites"] = "Lyon",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var show = created.Headers.Location!.ToString();
        var id = long.Parse(show[(show.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var edition = await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        var blocks = edition.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("First, a word from the director.", blocks[0].GetProperty("text").GetString());
        Assert.Equal(post, blocks[1].GetProperty("postId").GetInt64());
        Assert.Equal(["Lyon"], edition.GetProperty("audience").GetProperty("sites").EnumerateArray().Select(s => s.GetString()));

        Assert.Contains("Lyon news", await director.GetStringAsync($"admin/newsletter/{id}"), StringComparison.Ordinal);
        Assert.Contains("Lire la publication", await director.GetStringAsync($"admin/newsletter/{id}/preview?culture=fr"), StringComparison.Ordinal);
        var mail = await director.GetAsync($"admin/newsletter/{id}/preview/mail?culture=en");
        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        Assert.Contains("sandbox", mail.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Our new office in Lyon opens in March", await mail.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var test = await director.SubmitAsync($"admin/newsletter/{id}", $"admin/newsletter/{id}/test", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        var tests = await DeliveredAsync("Lyon news");
        var only = Assert.Single(tests);
        Assert.Equal("director", Recipient(only));
        Assert.StartsWith("[Test]", only.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("/newsletter/c/", only.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Draft", (await (await tenant.Director.GetAsync($"api/v1/newsletter/editions/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    private async Task<long> PostAsync(string body, long? groupId = null)
    {
        var created = await (await tenant.Director.PostAsJsonAsync("api/v1/posts", groupId is { } g ? new { body, audience = new { groups = new[] { g } } } : (object)new { body })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private async Task<long> CreateAsync(object edition) =>
        (await (await tenant.Director.PostAsJsonAsync("api/v1/newsletter/editions", edition)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>Lets the outbox send, and returns the mails of that edition the SMTP server received.</summary>
    private async Task<List<MimeMessage>> DeliveredAsync(string title)
    {
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        return [.. tenant.Smtp.Received.Where(m => m.Subject!.EndsWith(title, StringComparison.Ordinal))];
    }

    private string Recipient(MimeMessage message) =>
        message.To.Mailboxes.Single().Address.Replace($"@{tenant.Name}.test", "", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:Read the post|Lire la publication): (\S+)")]
    private static partial Regex ReadLinks();

    [GeneratedRegex("<img src=\"([^\"]+/newsletter/o/[^\"]+)\"")]
    private static partial Regex PixelLink();

    [GeneratedRegex("href=\"([^\"]+/newsletter/c/[^\"]+)\"")]
    private static partial Regex ClickLinks();

    [GeneratedRegex("/newsletter/c/([^/]+)/")]
    private static partial Regex TokenOf();
}

/// <summary>A tenant set up with the default recipe (Feed, Groups, E-mail, Newsletter), an SMTP server of its own, and people in departments and sites.</summary>
public abstract class NewsletterTenant(DatabaseProvider provider) : TestTenant(provider, "default"), IAsyncLifetime
{
    public const string Password = "N3wsletter-Password";

    public SmtpSink Smtp { get; } = new();

    public HttpClient Director { get; private set; } = null!;

    public HttpClient Sales { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public BackgroundTaskRunner Runner => Host.Services.GetRequiredService<BackgroundTaskRunner>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        Smtp.Start();
        foreach (var feature in new[] { "InternalSocial.Newsletter", "InternalSocial.Newsletter.Groups" })
        {
            await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        await (await Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = Smtp.Port, security = "None", fromAddress = "news@org.test", fromName = "Org" })).ExpectJsonAsync(HttpStatusCode.OK);
        var people = new (string Name, string Role, string? Department, string? Site, string? Language, bool Active)[]
        {
            ("director", BuiltInRoles.CommunicationDirector, "Communication", null, null, true),
            ("finance-fr", BuiltInRoles.Employee, "Finance", null, "fr", true),
            ("finance-en", BuiltInRoles.Employee, "Finance", null, "en", true),
            ("finance-gone", BuiltInRoles.Employee, "Finance", null, null, false),
            ("finance-guest", BuiltInRoles.Guest, "Finance", "Lyon", null, true),
            ("sales1", BuiltInRoles.Employee, "Sales", "Lyon", null, true),
            ("sales2", BuiltInRoles.Employee, "Sales", "Lyon", null, true),
            ("legal1", BuiltInRoles.Employee, "Legal", null, null, true),
            ("legal2", BuiltInRoles.Employee, "Legal", null, null, true),
        };
        foreach (var person in people)
        {
            await CreateUserAsync(person.Name, Password, person.Role);
        }

        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            foreach (var person in people)
            {
                var user = (await users.FindByNameAsync(person.Name))!;
                user.Department = person.Department;
                user.Site = person.Site;
                user.PreferredLanguage = person.Language;
                user.IsActive = person.Active;
                Assert.True((await users.UpdateAsync(user)).Succeeded);
            }

            return 0;
        });
        Director = await Host.CreateTokenClientAsync(Prefix, "director", Password);
        Sales = await Host.CreateTokenClientAsync(Prefix, "sales1", Password);
        Anonymous = Host.CreateClient(Prefix);
    }

    /// <summary>A client signed in with the cookie, for pages and forms.</summary>
    public async Task<HttpClient> BrowserAsync(string userName)
    {
        var client = Host.CreateClient(Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, Password)).StatusCode);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Director?.Dispose();
        Sales?.Dispose();
        Anonymous?.Dispose();
        await Smtp.DisposeAsync();
        await DisposeAsync();
    }
}

public sealed class NewsletterSqliteTenant() : NewsletterTenant(DatabaseProvider.Sqlite);

public sealed class NewsletterPostgresTenant() : NewsletterTenant(DatabaseProvider.Postgres);

[Collection(WebCollection.Name)]
public sealed class NewsletterTestsOnSqlite(NewsletterSqliteTenant tenant) : NewsletterTests(tenant), IClassFixture<NewsletterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class NewsletterTestsOnPostgres(NewsletterPostgresTenant tenant) : NewsletterTests(tenant), IClassFixture<NewsletterPostgresTenant>;
