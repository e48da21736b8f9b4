using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// Issue 8's pages in a real browser: a moderator approves a pending post from the queue on a 360 px phone, the workflow
/// diagram renders; every page passes axe-core and does not scroll sideways, in both site themes for the queue.
/// </summary>
public sealed class WorkflowsPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = "P0ster-Password";

    [SkippableFact]
    public async Task A_moderator_approves_a_pending_post_from_the_queue_on_a_360_px_phone()
    {
        SkipWithoutChromium();
        var pending = await PendingPostAsync("Safety drill on Thursday at 10:00");
        using var poster = pending.Poster;
        var (postId, taskId) = (pending.PostId, pending.TaskId);
        var page = await NewPageAsync(new ViewportSize { Width = 360, Height = 800 });
        await SignInAsync(page);
        await GotoAsync(page, $"moderation?task={taskId}");
        var item = page.Locator($"#task-{taskId}");
        await Assertions.Expect(item).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlighted"));
        await Assertions.Expect(item).ToContainTextAsync("Safety drill on Thursday");
        await ScreenshotAsync(page, "moderation-queue-360");
        await AssertAccessibleAndReflowsAsync(page, 360);

        await item.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Approved");
        await Assertions.Expect(page.Locator($"#task-{taskId}")).ToHaveCountAsync(0);
        var published = await JsonAsync(await poster.GetAsync($"api/v1/posts/{postId}"));
        Assert.Equal("Published", published.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task The_workflow_page_draws_its_diagram_and_lists_its_steps()
    {
        SkipWithoutChromium();
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await NewPageAsync(new ViewportSize { Width = width, Height = 800 });
            await SignInAsync(page);
            await GotoAsync(page, "admin/workflows/approve-group-posts");
            var diagram = page.Locator(".workflow-diagram svg[role=img]");
            await Assertions.Expect(diagram).ToBeVisibleAsync();
            Assert.True(await page.Locator(".workflow-diagram rect.box").CountAsync() >= 3);
            await Assertions.Expect(page.Locator(".step-list")).ToContainTextAsync("On approved, go to");
            var box = await diagram.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, "The diagram has a size.");
            await ScreenshotAsync(page, $"workflow-diagram-{width}");
            await AssertAccessibleAndReflowsAsync(page, width);
        }
    }

    [SkippableTheory]
    [InlineData("moderation-queue", "moderation", 1280)]
    [InlineData("workflows-list", "admin/workflows", 360)]
    [InlineData("workflows-list", "admin/workflows", 1280)]
    [InlineData("workflow-editor", "admin/workflows/approve-group-posts/edit", 360)]
    [InlineData("workflow-editor", "admin/workflows/approve-group-posts/edit", 1280)]
    [InlineData("workflow-instances", "admin/workflows/instances", 360)]
    [InlineData("moderation-log", "admin/moderation/log", 360)]
    [InlineData("moderation-log", "admin/moderation/log", 1280)]
    public async Task Workflow_page_is_accessible_and_reflows(string name, string path, int width)
    {
        SkipWithoutChromium();
        if (path == "moderation")
        {
            // Something to decide, so that the page is checked with its forms.
            using var poster = (await PendingPostAsync("Canteen closed on Friday for maintenance")).Poster;
        }

        var page = await NewPageAsync(new ViewportSize { Width = width, Height = 800 });
        await SignInAsync(page);
        await GotoAsync(page, path);
        await ScreenshotAsync(page, $"{name}-{width}");
        await AssertAccessibleAndReflowsAsync(page, width);
    }

    [SkippableFact]
    public async Task The_queue_is_accessible_in_the_field_theme()
    {
        SkipWithoutChromium();
        try
        {
            await SetSiteThemeAsync(FieldTheme);
            using var poster = (await PendingPostAsync("Forklift training, field theme")).Poster;
            var page = await NewPageAsync(new ViewportSize { Width = 360, Height = 800 });
            await SignInAsync(page);
            await GotoAsync(page, "moderation");
            await ScreenshotAsync(page, "field-moderation-queue-360");
            await AssertAccessibleAndReflowsAsync(page, 360);
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    /// <summary>A post by an employee in a new group whose posts need approval: pending, with its moderation task.</summary>
    private async Task<(HttpClient Poster, long PostId, long TaskId)> PendingPostAsync(string body)
    {
        using var admin = await ApiClientAsync();
        var group = await JsonAsync(await admin.PostAsJsonAsync("api/v1/groups", new { name = "Approved news " + Guid.NewGuid().ToString("N")[..6], visibility = "Public", postsNeedApproval = true }));
        var groupId = group.GetProperty("id").GetInt64();
        await EnsureUserAsync("poster");
        var poster = await ApiClientAsync("poster", Password);
        await JsonAsync(await poster.PostAsync($"api/v1/groups/{groupId}/join", null));
        var post = await JsonAsync(await poster.PostAsJsonAsync("api/v1/posts", new { body, audience = new { groups = new[] { groupId } } }));
        var postId = post.GetProperty("id").GetInt64();
        var tasks = await JsonAsync(await admin.GetAsync($"api/v1/moderation/tasks?groupId={groupId}"));
        var taskId = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("subjectId").GetString() == postId.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("id").GetInt64();
        return (poster, postId, taskId);
    }

    private async Task EnsureUserAsync(string userName)
    {
        var shell = await Fixture.Services.GetRequiredService<ShellHost>().GetOrCreateShellAsync(ShellSettings.DefaultName, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new User { UserName = userName, Email = $"{userName}@browser.test", DisplayName = "Poster", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, "Employee")).Succeeded);
            }
        });
    }
}
