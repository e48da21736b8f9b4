namespace InternalSocial.Charter.Endpoints;

/// <summary>The version the person read and accepts, and the language they read it in (the request's language when absent).</summary>
internal sealed record AcceptRequest(int? Version, string? Language);
