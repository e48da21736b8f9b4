using System.Globalization;
using System.Security.Claims;
using InternalSocial.Groups.Events;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Models;
using InternalSocial.Notifications.Services;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.NotificationsBridge;

/// <summary>The Groups module's kinds of notification.</summary>
public sealed class GroupNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string Invitation = "groups.invitation";

    /// <summary>Resource ids are group ids: an invitation notification stays listed while the invitation waits or once accepted.</summary>
    public const string InvitationResource = "group-invitation";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Invitation, T["Someone invites me to a group"], NotificationChannel.InApp),
    ];
}

/// <summary>
/// An invitation notification is visible to its recipient while the invitation waits for an answer or after they joined;
/// once declined or withdrawn it disappears from their list (a secret group's name then shows nowhere).
/// </summary>
public sealed class InvitationNotificationVisibility(GroupsDbContext db) : INotificationVisibility
{
    public string ResourceType => GroupNotificationKinds.InvitationResource;

    public async Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var userId = GroupsService.UserId(user);
        if (userId is null)
        {
            return new HashSet<string>();
        }

        var ids = resourceIds.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).Where(id => id > 0).Distinct().ToList();
        var invited = await db.Invitations.AsNoTracking().Where(i => i.UserId == userId && ids.Contains(i.GroupId)).Select(i => i.GroupId).ToListAsync(cancellationToken);
        var member = await db.Members.AsNoTracking().Where(m => m.UserId == userId && ids.Contains(m.GroupId)).Select(m => m.GroupId).ToListAsync(cancellationToken);
        return invited.Concat(member).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
    }
}

/// <summary>Tells the invited person, in their language, who invited them and to which group; the link opens their invitations.</summary>
public sealed class InvitationNotifier(INotifier notifier, IPeopleLookup people, GroupsDbContext db, IStringLocalizer<ModuleResources> T) : IEventHandler<MemberInvited>
{
    public async Task HandleAsync(MemberInvited domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var groupName = await db.Groups.AsNoTracking().Where(g => g.Id == domainEvent.GroupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        if (groupName is null || domainEvent.UserId == domainEvent.ByUserId)
        {
            return;
        }

        var actorName = (await people.GetByIdsAsync([domainEvent.ByUserId], cancellationToken)).GetValueOrDefault(domainEvent.ByUserId)?.DisplayName ?? "";
        var groupKey = domainEvent.GroupId.ToString(CultureInfo.InvariantCulture);
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = GroupNotificationKinds.Invitation,
            RecipientIds = [domainEvent.UserId],
            ActorId = domainEvent.ByUserId,
            Url = "/groups/invitations",
            ResourceType = GroupNotificationKinds.InvitationResource,
            ResourceId = groupKey,
            DeduplicationKey = $"{GroupNotificationKinds.Invitation}:{groupKey}",
            Text = _ => new NotificationText(T["{0} invites you to the group {1}", actorName, groupName], ""),
        }, cancellationToken);
    }
}

[ForFeature("InternalSocial.Groups.Notifications")]
public sealed class GroupNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, GroupNotificationKinds>();
        services.AddScoped<INotificationVisibility, InvitationNotificationVisibility>();
        services.AddScoped<IEventHandler<MemberInvited>, InvitationNotifier>();
    }
}
