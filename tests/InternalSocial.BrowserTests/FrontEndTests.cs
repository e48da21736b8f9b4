using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>The front-end bundle in a real browser: htmx present, SignalR only on request, confirmations, relative times.</summary>
public sealed class FrontEndTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableFact]
    public async Task The_bundle_gives_pages_htmx_and_only_pages_that_ask_get_the_signalr_client()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Phone);
        await GotoAsync(page, "");
        await page.WaitForFunctionAsync("() => typeof window.htmx === 'object'");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.signalR === 'undefined'"), "The SignalR client was loaded on a page that did not ask for it.");

        // What a page that opts in (FrontEnd.UseLive) gets: the second bundle, after the first.
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "_content/InternalSocial.Themes.Employee/dist/live.js" });
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.signalR.HubConnectionBuilder === 'function'"));
    }

    [SkippableFact]
    public async Task An_htmx_post_carries_the_antiforgery_token_and_a_get_does_not()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop);
        await SignInAsync(page);
        await page.WaitForFunctionAsync("() => typeof window.htmx === 'object'");
        var tokens = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await page.RouteAsync("**/htmx-probe", async route =>
        {
            tokens[route.Request.Method] = route.Request.Headers.TryGetValue("requestverificationtoken", out var token) ? token : "";
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, Body = "" });
        });
        // htmx itself only fetches from this origin (its default mode); app.js checks the origin again before adding
        // the token, so a page that changes that mode does not send the token away.
        await page.EvaluateAsync("""
            () => {
                document.querySelector('main').insertAdjacentHTML('beforeend',
                    '<button id="post" hx-post="htmx-probe" hx-swap="none">Post</button>' +
                    '<button id="get" hx-get="htmx-probe" hx-swap="none">Get</button>');
                htmx.process(document.querySelector('main'));
            }
            """);

        await page.Locator("#post").ClickAsync();
        await page.Locator("#get").ClickAsync();
        for (var i = 0; i < 50 && tokens.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.False(string.IsNullOrEmpty(tokens.GetValueOrDefault("POST")), "The htmx POST had no antiforgery token.");
        Assert.True(tokens.TryGetValue("GET", out var get), "The htmx GET was not made.");
        Assert.Equal("", get);
    }

    [SkippableFact]
    public async Task Data_confirm_asks_first_and_a_no_stops_the_submission()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop);
        await GotoAsync(page, "account/signin");
        await page.WaitForFunctionAsync("() => typeof window.htmx === 'object'");
        await page.EvaluateAsync("""
            () => {
                document.querySelector('main').insertAdjacentHTML('beforeend',
                    '<form id="planted" data-confirm="Really?"><button id="go" type="submit">Go</button></form>');
                window.submitted = 0;
                document.getElementById('planted').addEventListener('submit', e => { e.preventDefault(); window.submitted++; });
            }
            """);
        var questions = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (answer ? dialog.AcceptAsync() : dialog.DismissAsync());
        };

        await page.Locator("#go").ClickAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.submitted"));
        answer = true;
        await page.Locator("#go").ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.submitted"));
        Assert.Equal(["Really?", "Really?"], questions);
    }

    [SkippableTheory]
    [InlineData("en-GB", "3 hours ago")]
    [InlineData("fr-FR", "il y a 3 heures")]
    public async Task Relative_times_read_in_the_pages_language_with_the_date_as_tooltip(string locale, string expected)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop, locale: locale);
        await SignInAsync(page);
        // The recipe history lists the setup recipe's run, seconds ago; the page's clock is three hours later.
        await page.Clock.SetFixedTimeAsync(DateTime.UtcNow.AddHours(3));
        await GotoAsync(page, "admin/recipes");
        var time = page.Locator("time[data-format=relative]").First;
        await Assertions.Expect(time).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("\\d{4}"));
        var text = await time.TextContentAsync() ?? "";
        Output.WriteLine($"{locale}: \"{text}\", title \"{await time.GetAttributeAsync("title")}\"");
        Assert.Equal(expected, text);
    }
}
