using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Notifications.Components;

/// <summary>The bell in the top bar: a link to the notifications with the unread count (one indexed count per page).</summary>
internal sealed class NotificationBellViewComponent(NotificationsService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await notifications.UnreadCountAsync(UserClaimsPrincipal, HttpContext.RequestAborted));
}
