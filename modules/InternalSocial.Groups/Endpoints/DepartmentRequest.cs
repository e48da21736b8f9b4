
namespace InternalSocial.Groups.Endpoints;

public sealed record DepartmentRequest(string? Department);
