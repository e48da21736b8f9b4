namespace InternalSocial.Charter.Endpoints;

internal sealed record RemindedPeople(int Reminded);
