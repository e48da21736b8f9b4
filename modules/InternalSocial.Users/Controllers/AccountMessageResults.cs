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

    /// <summary>
    /// A form that asks for one address to mail a link to: the form again while it is invalid, then the same answer
    /// whether the address has an account or not (nobody learns who has one).
    /// </summary>
    public static async Task<IActionResult> MailLinkAsync(this Controller controller, EmailViewModel model, Func<string, Task> send, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(send);
        if (!controller.ModelState.IsValid)
        {
            return controller.View(model);
        }

        await send(model.Email);
        return controller.AccountMessage(title, text);
    }
}
