
namespace InternalSocial.Groups.Endpoints;

internal sealed record ImportRequest(string? Csv);
