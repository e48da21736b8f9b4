
namespace InternalSocial.Groups.Endpoints;

public sealed record ImportRequest(string? Csv);
