using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Users.Controllers;

/// <summary>The account pages' answer that only says something (Views/Shared/AccountMessage), with its status.</summary>
internal static class AccountMessageResults
{
    public static ViewResult AccountMessage(this Controller controller, string title, string text, string? linkText = null, string? linkUrl = null, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.Response.StatusCode = status;
        return controller.View("AccountMessage", new AccountMessageViewModel(title, text, linkText, linkUrl));
    }
}
