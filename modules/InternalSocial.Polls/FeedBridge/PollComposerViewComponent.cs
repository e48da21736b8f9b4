using InternalSocial.Feed.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>A poll's fields, named under the form's prefix: in the feed's composer, and on a group's Polls tab.</summary>
internal sealed class PollComposerViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(PostAddonComposer composer) => View(composer);
}
