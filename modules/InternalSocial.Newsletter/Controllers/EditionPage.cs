using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.Controllers;

public sealed record EditionPage(EditionView Edition);
