
namespace InternalSocial.Newsletter.Endpoints;

internal sealed record TestSent(string To);
