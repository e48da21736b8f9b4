using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

/// <summary>An invitation as the invited person sees it. <paramref name="GroupSlug"/> is null when they cannot open the group (a secret one).</summary>
internal sealed record InvitationItem(long GroupId, string GroupName, string? GroupSlug, GroupRole Role, string? InvitedBy, DateTime CreatedUtc);
