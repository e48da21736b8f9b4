using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;

namespace InternalSocial.Groups.Services;

/// <summary>People who got an account, or a new department, site or roles, land in the groups whose membership rules match them.</summary>
internal sealed class PeoplePlacedHandler(MembershipRuleService rules) : IEventHandler<PeoplePlaced>
{
    public async Task HandleAsync(PeoplePlaced domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await rules.ApplyRulesToPeopleAsync(domainEvent.UserIds, cancellationToken);
    }
}
