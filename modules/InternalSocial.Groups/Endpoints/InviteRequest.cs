using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

public sealed record InviteRequest(List<string>? UserNames, List<string>? UserIds, GroupRole? Role);
