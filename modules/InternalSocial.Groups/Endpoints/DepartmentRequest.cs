
namespace InternalSocial.Groups.Endpoints;

internal sealed record DepartmentRequest(string? Department);
