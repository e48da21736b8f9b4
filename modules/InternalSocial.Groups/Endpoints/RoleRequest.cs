using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

public sealed record RoleRequest(GroupRole? Role);
