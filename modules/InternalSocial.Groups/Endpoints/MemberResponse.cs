using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

internal sealed record MemberResponse(string UserId, string UserName, string DisplayName, bool IsGuest, GroupRole Role, DateTime JoinedUtc);
