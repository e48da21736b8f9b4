using System.Security.Claims;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Groups.Endpoints;

/// <summary><c>/api/v1/groups</c>: the directory, groups, membership, requests, rules, modules and covers.</summary>
internal static class GroupsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("groups", "Groups").RequireAuthorization();
        api.MapGet("", ListGroups).WithSummary("The group directory, by name, 30 a page: search (q), filters, and the previous page's nextCursor. Guests see only their groups.");
        api.MapPost("", CreateGroup).WithSummary("Create a group; its creator is its owner. 409 when the name is taken (case-insensitively).");
        api.MapGet("/picker", Picker).WithSummary("The user's groups they may post in, matching q: for choosing where to post.");

        api.MapGet("/{id:long}", GetGroup).WithSummary("A group the user may see, with the user's role in it. 404 for a group hidden from the user.");
        api.MapPatch("/{id:long}", UpdateGroup).WithSummary("Change the group's fields given (group admins); a mandatory flag needs Groups.Manage.");
        api.MapDelete("/{id:long}", ArchiveGroup).WithSummary("Archive the group (owners): its content stays readable, POST /restore brings it back.");
        api.MapPost("/{id:long}/restore", RestoreGroup).WithSummary("Bring an archived group back (owners).");

        api.MapPost("/{id:long}/join", Join).WithSummary("Join a public group (state Joined), or ask to join a private one (state Requested).");
        api.MapPost("/{id:long}/leave", Leave).WithSummary("Leave the group, or withdraw a request. 409 for a mandatory group and for its last owner.");

        api.MapGet("/{id:long}/members", ListMembers).WithSummary("The group's members by user id, 50 a page, for those who may read the group's content.");
        api.MapPost("/{id:long}/members", Invite).WithSummary("Invite people (employees or guests) by user name, e-mail or id: each becomes a member on accepting (in a mandatory group, at once). 404 naming the unknown ones; then nobody is invited.");
        api.MapPost("/{id:long}/members/import", Import).WithSummary("Invite people from a CSV of user names or e-mail addresses.");
        api.MapGet("/{id:long}/invitations", ListInvitations).WithSummary("The group's invitations waiting for an answer (group admins).");
        api.MapDelete("/{id:long}/invitations/{userId}", CancelInvitation).WithSummary("Withdraw an invitation that has not been answered (group admins).");
        api.MapGet("/invitations", ListMyInvitations).WithSummary("My invitations waiting for an answer. A secret group shows only its name here (slug null).");
        api.MapPost("/{id:long}/invitations/accept", AcceptInvitation).WithSummary("Accept my invitation: I become a member with the invited role. 404 when I have no invitation to this group.");
        api.MapPost("/{id:long}/invitations/decline", DeclineInvitation).WithSummary("Decline my invitation. 404 when I have no invitation to this group.");
        api.MapPost("/{id:long}/members/department", AddDepartment).WithSummary("Add every active person of a department at once (group admins).");
        api.MapPut("/{id:long}/members/{userId}", SetRole).WithSummary("Change a member's role (group admins; making or unmaking an owner needs an owner).");
        api.MapDelete("/{id:long}/members/{userId}", RemoveMember).WithSummary("Remove a member (group admins). 409 for the last owner.");

        api.MapGet("/{id:long}/requests", ListRequests).WithSummary("The requests to join waiting for a decision (group admins).");
        api.MapPost("/{id:long}/requests/{userId}/approve", ApproveRequest).WithSummary("Approve a request: the person becomes a member (group admins).");
        api.MapPost("/{id:long}/requests/{userId}/reject", RejectRequest).WithSummary("Reject a request (group admins).");

        api.MapGet("/{id:long}/rules", GetRules).WithSummary("The automatic membership rules, by department or site (group admins).");
        api.MapPut("/{id:long}/rules", SetRules).WithSummary("Replace the automatic membership rules (by department or site) and apply them (Groups.Manage).");
        api.MapPost("/{id:long}/rules/apply", ApplyRules).WithSummary("Add everyone the rules match who is not a member yet (group admins).");

        api.MapGet("/{id:long}/modules", ListModules).WithSummary("The group's modules: whether each is on, and whether the tenant has locked it.");
        api.MapPut("/{id:long}/modules/{key}", SetModule).WithSummary("Switch a module on or off in the group (group admins). 403 when the tenant has locked it.");
        api.MapGet("/modules/locks", ListModuleLocks).WithSummary("The tenant's locks on group modules (Groups.Manage).");
        api.MapPut("/modules/{key}/lock", LockModule).WithSummary("Lock a module on or off for all groups (scope all) or a group type (project, community). Groups.Manage.");
        api.MapDelete("/modules/{key}/lock", UnlockModule).WithSummary("Remove a module's lock for all groups or a group type (scope). Groups.Manage.");

        api.MapPut("/{id:long}/cover", SetCover)
            .DisableAntiforgery()
            .WithSummary("Upload the cover (multipart field 'cover', an image of at most 5 MB; re-encoded to WebP).");
        api.MapGet("/{id:long}/cover", GetCover).WithSummary("The group's cover image, to those who may see the group.");
    }

    public static async Task<Ok<GroupPageResponse>> ListGroups(string? q, GroupType? type, GroupVisibility? visibility, bool? mine, bool? archived, string? cursor, ClaimsPrincipal user, GroupDirectory directory, CancellationToken cancellationToken)
    {
        var page = await directory.ListAsync(user, new GroupQuery(q, type, visibility, mine ?? false, archived ?? false, cursor), cancellationToken);
        return TypedResults.Ok(new GroupPageResponse([.. page.Groups.Select(i => GroupResponse.From(i.Group, i.MyRole, i.Requested))], page.NextCursor));
    }

    public static async Task<Created<GroupResponse>> CreateGroup(GroupInput? input, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken)
    {
        var group = await groups.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{name, description, type, visibility}"), cancellationToken);
        return TypedResults.Created($"/api/v1/groups/{group.Id}", GroupResponse.From(group, GroupRole.Owner));
    }

    public static async Task<Ok<IReadOnlyList<PickerItem>>> Picker(string? q, ClaimsPrincipal user, GroupDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.PickerAsync(user, q, cancellationToken));

    public static async Task<Ok<GroupResponse>> GetGroup(long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken)
    {
        var standing = await groups.GetVisibleAsync(user, Key(id), cancellationToken);
        return TypedResults.Ok(GroupResponse.From(standing.Group, standing.Role));
    }

    public static async Task<Ok<GroupResponse>> UpdateGroup(long id, GroupInput? input, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken)
    {
        var group = await groups.UpdateAsync(user, Key(id), input ?? throw InvalidInputException.ChangesRequired(), cancellationToken);
        return TypedResults.Ok(GroupResponse.From(group, null));
    }

    public static async Task<NoContent> ArchiveGroup(long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken)
    {
        await groups.SetArchivedAsync(user, Key(id), archived: true, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<GroupResponse>> RestoreGroup(long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken) =>
        TypedResults.Ok(GroupResponse.From(await groups.SetArchivedAsync(user, Key(id), archived: false, cancellationToken), null));

    public static async Task<Ok<JoinResponse>> Join(long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        TypedResults.Ok(new JoinResponse((await members.JoinAsync(user, Key(id), cancellationToken)).ToString()));

    public static async Task<NoContent> Leave(long id, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken)
    {
        await members.LeaveAsync(user, Key(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MemberPageResponse>> ListMembers(long id, string? cursor, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken)
    {
        var page = await members.ListMembersAsync(user, Key(id), cursor, cancellationToken);
        return TypedResults.Ok(new MemberPageResponse([.. page.Members.Select(m => new MemberResponse(m.Person.Id, m.Person.UserName, m.Person.DisplayName, m.Person.IsGuest, m.Role, m.JoinedUtc))], page.NextCursor));
    }

    public static async Task<Ok<InvitedResponse>> Invite(long id, InviteRequest? request, ClaimsPrincipal user, InvitationService invitations, CancellationToken cancellationToken)
    {
        var entries = (request?.UserNames ?? []).Concat(request?.UserIds ?? []).ToList();
        return TypedResults.Ok(new InvitedResponse(await invitations.InviteAsync(user, Key(id), entries, request?.Role ?? GroupRole.Member, cancellationToken)));
    }

    public static async Task<Ok<InvitedResponse>> Import(long id, ImportRequest? request, ClaimsPrincipal user, InvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(new InvitedResponse(await invitations.ImportAsync(user, Key(id), request?.Csv, cancellationToken)));

    public static async Task<Ok<List<PendingInvitationResponse>>> ListInvitations(long id, ClaimsPrincipal user, InvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok((await invitations.ListInvitationsAsync(user, Key(id), cancellationToken)).Select(i => new PendingInvitationResponse(i.Person.Id, i.Person.UserName, i.Person.DisplayName, i.Role, i.CreatedUtc)).ToList());

    public static async Task<NoContent> CancelInvitation(long id, string userId, ClaimsPrincipal user, InvitationService invitations, CancellationToken cancellationToken)
    {
        await invitations.CancelInvitationAsync(user, Key(id), userId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<InvitationResponse>>> ListMyInvitations(ClaimsPrincipal user, InvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok((await invitations.ListMyInvitationsAsync(user, cancellationToken)).Select(i => new InvitationResponse(i.GroupId, i.GroupName, i.GroupSlug, i.Role, i.InvitedBy, i.CreatedUtc)).ToList());

    public static async Task<Ok<GroupResponse>> AcceptInvitation(long id, ClaimsPrincipal user, InvitationService invitations, GroupsService groups, CancellationToken cancellationToken)
    {
        await invitations.AnswerInvitationAsync(user, id, accept: true, cancellationToken);
        var standing = await groups.GetVisibleAsync(user, Key(id), cancellationToken);
        return TypedResults.Ok(GroupResponse.From(standing.Group, standing.Role));
    }

    public static async Task<NoContent> DeclineInvitation(long id, ClaimsPrincipal user, InvitationService invitations, CancellationToken cancellationToken)
    {
        await invitations.AnswerInvitationAsync(user, id, accept: false, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AddedResponse>> AddDepartment(long id, DepartmentRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AddedResponse(await members.AddDepartmentAsync(user, Key(id), request?.Department, cancellationToken)));

    public static async Task<NoContent> SetRole(long id, string userId, RoleRequest? request, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken)
    {
        await members.SetRoleAsync(user, Key(id), userId, request?.Role ?? throw new InvalidInputException("role", "member, moderator, admin or owner."), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveMember(long id, string userId, ClaimsPrincipal user, MembershipService members, CancellationToken cancellationToken)
    {
        await members.RemoveAsync(user, Key(id), userId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<JoinRequestResponse>>> ListRequests(long id, ClaimsPrincipal user, JoinRequestService requests, CancellationToken cancellationToken) =>
        TypedResults.Ok((await requests.ListRequestsAsync(user, Key(id), cancellationToken)).Select(r => new JoinRequestResponse(r.Person.Id, r.Person.UserName, r.Person.DisplayName, r.CreatedUtc)).ToList());

    public static Task<NoContent> ApproveRequest(long id, string userId, ClaimsPrincipal user, JoinRequestService requests, CancellationToken cancellationToken) =>
        DecideAsync(id, userId, approve: true, user, requests, cancellationToken);

    public static Task<NoContent> RejectRequest(long id, string userId, ClaimsPrincipal user, JoinRequestService requests, CancellationToken cancellationToken) =>
        DecideAsync(id, userId, approve: false, user, requests, cancellationToken);

    public static async Task<Ok<List<RuleInput>>> GetRules(long id, ClaimsPrincipal user, MembershipRuleService rules, CancellationToken cancellationToken) =>
        TypedResults.Ok((await rules.GetRulesAsync(user, Key(id), cancellationToken)).Select(r => new RuleInput(r.Kind, r.Value)).ToList());

    public static async Task<Ok<AddedResponse>> SetRules(long id, RulesRequest? request, ClaimsPrincipal user, MembershipRuleService rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AddedResponse(await rules.SetRulesAsync(user, Key(id), request?.Rules ?? [], cancellationToken)));

    public static async Task<Ok<AddedResponse>> ApplyRules(long id, ClaimsPrincipal user, MembershipRuleService rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AddedResponse(await rules.ApplyRulesAsync(user, Key(id), cancellationToken)));

    public static async Task<Ok<List<ModuleStateResponse>>> ListModules(long id, ClaimsPrincipal user, GroupsService groups, CancellationToken cancellationToken)
    {
        var standing = await groups.GetVisibleAsync(user, Key(id), cancellationToken);
        var states = await groups.Modules.GetStatesAsync(standing.Group, cancellationToken);
        return TypedResults.Ok(states.Select(s => new ModuleStateResponse(s.Module.Key, s.Module.DisplayName, s.IsEnabled, s.IsLocked)).ToList());
    }

    public static async Task<NoContent> SetModule(long id, string key, ModuleRequest? request, ClaimsPrincipal user, GroupModuleSwitches switches, CancellationToken cancellationToken)
    {
        await switches.SetModuleAsync(user, Key(id), key, request?.Enabled ?? throw new InvalidInputException("enabled", "true or false."), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<GroupModuleLockInfo>>> ListModuleLocks(ClaimsPrincipal user, GroupModuleSwitches switches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await switches.ListModuleLocksAsync(user, cancellationToken));

    public static async Task<NoContent> LockModule(string key, LockRequest? request, ClaimsPrincipal user, GroupModuleSwitches switches, CancellationToken cancellationToken)
    {
        await switches.SetModuleLockAsync(user, key, request?.Scope, request?.Enabled ?? throw new InvalidInputException("enabled", "true or false."), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnlockModule(string key, string? scope, ClaimsPrincipal user, GroupModuleSwitches switches, CancellationToken cancellationToken)
    {
        await switches.SetModuleLockAsync(user, key, scope, null, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SetCover(long id, IFormFile? cover, ClaimsPrincipal user, GroupCovers covers, CancellationToken cancellationToken)
    {
        await using var stream = cover?.OpenReadStream();
        await covers.SetAsync(user, Key(id), stream, cover?.Length ?? 0, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> GetCover(long id, HttpContext context, ClaimsPrincipal user, GroupCovers covers, CancellationToken cancellationToken)
    {
        var (content, isPrivate, slug) = await covers.OpenAsync(user, Key(id), cancellationToken);
        return FileResponses.Serve(context, content, NormalizedImage.ContentType, slug + NormalizedImage.Extension, isPrivate);
    }

    private static async Task<NoContent> DecideAsync(long id, string userId, bool approve, ClaimsPrincipal user, JoinRequestService requests, CancellationToken cancellationToken)
    {
        await requests.DecideRequestAsync(user, Key(id), userId, approve, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
