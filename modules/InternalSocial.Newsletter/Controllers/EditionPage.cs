using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.Controllers;

internal sealed record EditionPage(EditionView Edition);
