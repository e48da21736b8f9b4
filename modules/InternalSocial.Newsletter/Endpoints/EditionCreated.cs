
namespace InternalSocial.Newsletter.Endpoints;

public sealed record EditionCreated(long Id);
