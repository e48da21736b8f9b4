namespace InternalSocial.Charter.Endpoints;

internal sealed record RemindRequest(string? Audience);
