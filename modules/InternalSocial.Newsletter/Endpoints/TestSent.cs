
namespace InternalSocial.Newsletter.Endpoints;

public sealed record TestSent(string To);
