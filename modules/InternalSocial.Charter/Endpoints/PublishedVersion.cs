namespace InternalSocial.Charter.Endpoints;

internal sealed record PublishedVersion(string Audience, int Number);
