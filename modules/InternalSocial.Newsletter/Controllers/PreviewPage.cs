using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.Controllers;

public sealed record PreviewPage(long Id, string Title, MailPreview Mail);
