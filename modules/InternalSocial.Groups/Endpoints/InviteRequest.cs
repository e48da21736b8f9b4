using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

internal sealed record InviteRequest(List<string>? UserNames, List<string>? UserIds, GroupRole? Role);
