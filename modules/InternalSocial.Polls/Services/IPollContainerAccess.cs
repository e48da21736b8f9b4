using System.Security.Claims;

namespace InternalSocial.Polls.Services;

/// <summary>
/// The seam through which a bridge (Feed for posts, Groups for groups) says who reads a poll in its container, who may
/// create one there and who moderates it. A container kind that no enabled bridge implements is unreadable: a poll in
/// a group is not shown while the Groups bridge is off.
/// </summary>
internal interface IPollContainerAccess
{
    /// <summary>The <see cref="Models.ContainerKinds"/> value this bridge answers for.</summary>
    string ContainerKind { get; }

    Task<bool> CanReadAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken);

    Task<bool> CanCreateInAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken);

    /// <summary>Whether the user moderates the container: may close, reopen and delete others' polls in it.</summary>
    Task<bool> CanManageAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken);

    /// <summary>Who may read polls in the container (for notifications).</summary>
    Task<IReadOnlyCollection<string>> AudienceAsync(PollContainer container, CancellationToken cancellationToken);
}
