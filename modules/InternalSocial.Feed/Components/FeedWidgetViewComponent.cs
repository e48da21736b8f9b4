using InternalSocial.Feed.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Feed.Components;

/// <summary>The home feed, as the main content of the home page for people who may read it.</summary>
internal sealed class FeedWidgetViewComponent(FeedQuery feed, FeedSettingsService settings, ReactionService reactions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var filter = feed.ParseFilter(null, out _);
        var page = await feed.GetAsync(UserClaimsPrincipal, filter, null, null, null, HttpContext.RequestAborted);
        var guidance = (await settings.GetAsync(HttpContext.RequestAborted)).EditorialGuidance;
        var types = await reactions.TypesAsync(HttpContext.RequestAborted);
        return View(new Controllers.FeedViewModel(page, FeedFilter.All, null, guidance, types, new Controllers.ComposerModel(), TagFollowed: false));
    }
}
