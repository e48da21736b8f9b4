using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

/// <summary>Fields of a new group or of a change; null leaves a field as it is on update.</summary>
internal sealed record GroupInput(
    string? Name,
    string? Description = null,
    GroupType? Type = null,
    GroupVisibility? Visibility = null,
    PostingPolicy? PostingPolicy = null,
    bool? PostsNeedApproval = null,
    bool? IsMandatory = null,
    string? Slug = null);
