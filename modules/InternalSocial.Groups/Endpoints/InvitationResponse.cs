using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

/// <summary>An invitation as the invited person sees it; <paramref name="Slug"/> is null for a group they cannot open (a secret one).</summary>
internal sealed record InvitationResponse(long GroupId, string GroupName, string? Slug, GroupRole Role, string? InvitedBy, DateTime CreatedUtc);
