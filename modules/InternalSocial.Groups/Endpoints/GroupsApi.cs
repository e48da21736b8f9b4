using System.Security.Claims;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Groups.Endpoints;

public sealed record GroupResponse(
    long Id,
    string Name,
    string Slug,
    string Description,
    GroupType Type,
    GroupVisibility Visibility,
    PostingPolicy PostingPolicy,
    bool PostsNeedApproval,
    bool IsMandatory,
    bool IsArchived,
    int MemberCount,
    string? CoverUrl,
    GroupRole? MyRole,
    bool Requested)
{
    public static GroupResponse From(Group group, GroupRole? myRole, bool requested = false)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new(group.Id, group.Name, group.Slug, group.Description, group.Type, group.Visibility, group.PostingPolicy, group.PostsNeedApproval,
            group.IsMandatory, group.IsArchived, group.MemberCount, group.CoverPath is null ? null : $"/api/v1/groups/{group.Id}/cover", myRole, requested);
    }
}

public sealed record GroupPageResponse(IReadOnlyList<GroupResponse> Groups, string? NextCursor);

public sealed record MemberResponse(string UserId, string UserName, string DisplayName, bool IsGuest, GroupRole Role, DateTime JoinedUtc);

public sealed record MemberPageResponse(IReadOnlyList<MemberResponse> Members, string? NextCursor);

public sealed record InviteRequest(List<string>? UserNames, List<string>? UserIds, GroupRole? Role);

public sealed record RoleRequest(GroupRole? Role);

public sealed record ImportRequest(string? Csv);

public sealed record DepartmentRequest(string? Department);

public sealed record RulesRequest(List<RuleInput>? Rules);

public sealed record ModuleRequest(bool? Enabled);

public sealed record LockRequest(string? Scope, bool? Enabled);

public sealed record JoinResponse(string State);

public sealed record AddedResponse(int Added);

/// <summary>How many people were invited (in a mandatory group: added at once, as <paramref name="Added"/> says too).</summary>
public sealed record InvitedResponse(int Invited);

/// <summary>An invitation as the invited person sees it; <paramref name="Slug"/> is null for a group they cannot open (a secret one).</summary>
public sealed record InvitationResponse(long GroupId, string GroupName, string? Slug, GroupRole Role, string? InvitedBy, DateTime CreatedUtc);

public sealed record PendingInvitationResponse(string UserId, string UserName, string DisplayName, GroupRole Role, DateTime CreatedUtc);

public sealed record JoinRequestResponse(string UserId, string UserName, string DisplayName, DateTime CreatedUtc);

public sealed record ModuleStateResponse(string Key, string DisplayName, bool IsEnabled, bool IsLocked);

/// <summary><c>/api/v1/groups</c>: the directory, groups, membership, requests, rules, modules and covers.</summary>
public static class GroupsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("groups", "Groups").RequireAuthorization();
        api.MapGet("", async (string? q, GroupType? type, GroupVisibility? visibility, bool? mine, bool? archived, string? cursor, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            {
                var page = await groups.ListAsync(user, new GroupQuery(q, type, visibility, mine ?? false, archived ?? false, cursor), cancellationToken);
                return TypedResults.Ok(new GroupPageResponse([.. page.Groups.Select(i => GroupResponse.From(i.Group, i.MyRole, i.Requested))], page.NextCursor));
            })
            .WithSummary("The group directory, by name, 30 a page: search (q), filters, and the previous page's nextCursor. Guests see only their groups.");
        api.MapPost("", async (GroupInput? input, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            {
                var group = await groups.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{name, description, type, visibility}"), cancellationToken);
                return TypedResults.Created($"/api/v1/groups/{group.Id}", GroupResponse.From(group, GroupRole.Owner));
            })
            .WithSummary("Create a group; its creator is its owner. 409 when the name is taken (case-insensitively).");
        api.MapGet("/picker", async (string? q, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
                TypedResults.Ok(await groups.PickerAsync(user, q, cancellationToken)))
            .WithSummary("The user's groups they may post in, matching q: for choosing where to post.");

        api.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
        {
            var standing = await groups.GetVisibleAsync(user, Key(id), cancellationToken);
            return TypedResults.Ok(GroupResponse.From(standing.Group, standing.Role));
        });
        api.MapPatch("/{id:long}", async (long id, GroupInput? input, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
        {
            var group = await groups.UpdateAsync(user, Key(id), input ?? throw InvalidInputException.ChangesRequired(), cancellationToken);
            return TypedResults.Ok(GroupResponse.From(group, null));
        });
        api.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            {
                await groups.SetArchivedAsync(user, Key(id), archived: true, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Archive the group (owners): its content stays readable, POST /restore brings it back.");
        api.MapPost("/{id:long}/restore", async (long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            TypedResults.Ok(GroupResponse.From(await groups.SetArchivedAsync(user, Key(id), archived: false, cancellationToken), null)));

        api.MapPost("/{id:long}/join", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
                TypedResults.Ok(new JoinResponse((await members.JoinAsync(user, Key(id), cancellationToken)).ToString())))
            .WithSummary("Join a public group (state Joined), or ask to join a private one (state Requested).");
        api.MapPost("/{id:long}/leave", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            {
                await members.LeaveAsync(user, Key(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Leave the group, or withdraw a request. 409 for a mandatory group and for its last owner.");

        api.MapGet("/{id:long}/members", async (long id, string? cursor, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        {
            var page = await members.ListMembersAsync(user, Key(id), cursor, cancellationToken);
            return TypedResults.Ok(new MemberPageResponse([.. page.Members.Select(m => new MemberResponse(m.Person.Id, m.Person.UserName, m.Person.DisplayName, m.Person.IsGuest, m.Role, m.JoinedUtc))], page.NextCursor));
        });
        api.MapPost("/{id:long}/members", async (long id, InviteRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            {
                var entries = (request?.UserNames ?? []).Concat(request?.UserIds ?? []).ToList();
                return TypedResults.Ok(new InvitedResponse(await members.InviteAsync(user, Key(id), entries, request?.Role ?? GroupRole.Member, cancellationToken)));
            })
            .WithSummary("Invite people (employees or guests) by user name, e-mail or id: each becomes a member on accepting (in a mandatory group, at once). 404 naming the unknown ones; then nobody is invited.");
        api.MapPost("/{id:long}/members/import", async (long id, ImportRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
                TypedResults.Ok(new InvitedResponse(await members.ImportAsync(user, Key(id), request?.Csv, cancellationToken))))
            .WithSummary("Invite people from a CSV of user names or e-mail addresses.");
        api.MapGet("/{id:long}/invitations", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
                TypedResults.Ok((await members.ListInvitationsAsync(user, Key(id), cancellationToken)).Select(i => new PendingInvitationResponse(i.Person.Id, i.Person.UserName, i.Person.DisplayName, i.Role, i.CreatedUtc)).ToList()))
            .WithSummary("The group's invitations waiting for an answer (group admins).");
        api.MapDelete("/{id:long}/invitations/{userId}", async (long id, string userId, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            {
                await members.CancelInvitationAsync(user, Key(id), userId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Withdraw an invitation that has not been answered (group admins).");
        api.MapGet("/invitations", async (ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
                TypedResults.Ok((await members.ListMyInvitationsAsync(user, cancellationToken)).Select(i => new InvitationResponse(i.GroupId, i.GroupName, i.GroupSlug, i.Role, i.InvitedBy, i.CreatedUtc)).ToList()))
            .WithSummary("My invitations waiting for an answer. A secret group shows only its name here (slug null).");
        api.MapPost("/{id:long}/invitations/accept", async (long id, ClaimsPrincipal user, MembershipService members, GroupsService groups, CancellationToken cancellationToken) =>
            {
                await members.AnswerInvitationAsync(user, id, accept: true, cancellationToken);
                var standing = await groups.GetVisibleAsync(user, Key(id), cancellationToken);
                return TypedResults.Ok(GroupResponse.From(standing.Group, standing.Role));
            })
            .WithSummary("Accept my invitation: I become a member with the invited role. 404 when I have no invitation to this group.");
        api.MapPost("/{id:long}/invitations/decline", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            {
                await members.AnswerInvitationAsync(user, id, accept: false, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Decline my invitation. 404 when I have no invitation to this group.");
        api.MapPost("/{id:long}/members/department", async (long id, DepartmentRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            TypedResults.Ok(new AddedResponse(await members.AddDepartmentAsync(user, Key(id), request?.Department, cancellationToken))));
        api.MapPut("/{id:long}/members/{userId}", async (long id, string userId, RoleRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        {
            await members.SetRoleAsync(user, Key(id), userId, request?.Role ?? throw new InvalidInputException("role", "member, moderator, admin or owner."), cancellationToken);
            return TypedResults.NoContent();
        });
        api.MapDelete("/{id:long}/members/{userId}", async (long id, string userId, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        {
            await members.RemoveAsync(user, Key(id), userId, cancellationToken);
            return TypedResults.NoContent();
        });

        api.MapGet("/{id:long}/requests", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            TypedResults.Ok((await members.ListRequestsAsync(user, Key(id), cancellationToken)).Select(r => new JoinRequestResponse(r.Person.Id, r.Person.UserName, r.Person.DisplayName, r.CreatedUtc)).ToList()));
        api.MapPost("/{id:long}/requests/{userId}/approve", async (long id, string userId, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        {
            await members.DecideRequestAsync(user, Key(id), userId, approve: true, cancellationToken);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:long}/requests/{userId}/reject", async (long id, string userId, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        {
            await members.DecideRequestAsync(user, Key(id), userId, approve: false, cancellationToken);
            return TypedResults.NoContent();
        });

        api.MapGet("/{id:long}/rules", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            TypedResults.Ok((await members.GetRulesAsync(user, Key(id), cancellationToken)).Select(r => new RuleInput(r.Kind, r.Value)).ToList()));
        api.MapPut("/{id:long}/rules", async (long id, RulesRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
                TypedResults.Ok(new AddedResponse(await members.SetRulesAsync(user, Key(id), request?.Rules ?? [], cancellationToken))))
            .WithSummary("Replace the automatic membership rules (by department or site) and apply them (Groups.Manage).");
        api.MapPost("/{id:long}/rules/apply", async (long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
            TypedResults.Ok(new AddedResponse(await members.ApplyRulesAsync(user, Key(id), cancellationToken))));

        api.MapGet("/{id:long}/modules", async (long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
        {
            var standing = await groups.GetVisibleAsync(user, Key(id), cancellationToken);
            var states = await groups.Modules.GetStatesAsync(standing.Group, cancellationToken);
            return TypedResults.Ok(states.Select(s => new ModuleStateResponse(s.Module.Key, s.Module.DisplayName, s.IsEnabled, s.IsLocked)).ToList());
        });
        api.MapPut("/{id:long}/modules/{key}", async (long id, string key, ModuleRequest? request, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            {
                await groups.SetModuleAsync(user, Key(id), key, request?.Enabled ?? throw new InvalidInputException("enabled", "true or false."), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Switch a module on or off in the group (group admins). 403 when the tenant has locked it.");
        api.MapGet("/modules/locks", async (ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            TypedResults.Ok(await groups.ListModuleLocksAsync(user, cancellationToken)));
        api.MapPut("/modules/{key}/lock", async (string key, LockRequest? request, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
            {
                await groups.SetModuleLockAsync(user, key, request?.Scope, request?.Enabled ?? throw new InvalidInputException("enabled", "true or false."), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Lock a module on or off for all groups (scope all) or a group type (project, community). Groups.Manage.");
        api.MapDelete("/modules/{key}/lock", async (string key, string? scope, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
        {
            await groups.SetModuleLockAsync(user, key, scope, null, cancellationToken);
            return TypedResults.NoContent();
        });

        api.MapPut("/{id:long}/cover", async (long id, IFormFile? cover, ClaimsPrincipal user, GroupCovers covers, CancellationToken cancellationToken) =>
            {
                await using var stream = cover?.OpenReadStream();
                await covers.SetAsync(user, Key(id), stream, cover?.Length ?? 0, cancellationToken);
                return TypedResults.NoContent();
            })
            .DisableAntiforgery()
            .WithSummary("Upload the cover (multipart field 'cover', an image of at most 5 MB; re-encoded to WebP).");
        api.MapGet("/{id:long}/cover", async (long id, HttpContext context, ClaimsPrincipal user, GroupCovers covers, CancellationToken cancellationToken) =>
        {
            var (content, isPrivate, slug) = await covers.OpenAsync(user, Key(id), cancellationToken);
            return FileResponses.Serve(context, content, NormalizedImage.ContentType, slug + NormalizedImage.Extension, isPrivate);
        });
    }

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
