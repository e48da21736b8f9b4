using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

internal sealed record RoleRequest(GroupRole? Role);
