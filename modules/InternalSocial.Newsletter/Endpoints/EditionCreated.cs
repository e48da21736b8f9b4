
namespace InternalSocial.Newsletter.Endpoints;

internal sealed record EditionCreated(long Id);
