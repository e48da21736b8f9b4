using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

internal sealed record PendingInvitationResponse(string UserId, string UserName, string DisplayName, GroupRole Role, DateTime CreatedUtc);
