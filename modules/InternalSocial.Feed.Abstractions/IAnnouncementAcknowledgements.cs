using System.Security.Claims;

namespace InternalSocial.Feed.Abstractions;

/// <summary>
/// Acknowledging an announcement on a person's behalf from another module (passing a quiz attached to it), exactly as
/// the post's acknowledge button does.
/// </summary>
public interface IAnnouncementAcknowledgements
{
    /// <summary>Whether <paramref name="reader"/> may read the post and it is an announcement that asks to be acknowledged.</summary>
    Task<bool> AsksAcknowledgementAsync(ClaimsPrincipal reader, long postId, CancellationToken cancellationToken);

    /// <summary>Records the acknowledgement (once); false, and nothing recorded, when the post no longer asks for one or is hidden from the user.</summary>
    Task<bool> AcknowledgeAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken);
}
