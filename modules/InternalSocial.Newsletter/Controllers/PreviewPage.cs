using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.Controllers;

internal sealed record PreviewPage(long Id, string Title, MailPreview Mail);
