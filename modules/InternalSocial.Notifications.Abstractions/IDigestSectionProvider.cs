using System.Security.Claims;

namespace InternalSocial.Notifications.Abstractions;

/// <summary>
/// Contributed by a module that has something standing for the person (the Feed: announcements still to acknowledge),
/// shown as a section of each e-mail digest that goes out to them. Called with the UI culture set to the person's
/// language; return null (or no lines) when there is nothing. Must only show what the person may see.
/// <paramref name="sinceUtc"/> in <see cref="GetSectionAsync"/> is the person's previous digest (at most a week ago):
/// what is new since then is what they missed.
/// </summary>
public interface IDigestSectionProvider
{
    Task<DigestSection?> GetSectionAsync(ClaimsPrincipal person, DateTime sinceUtc, CancellationToken cancellationToken);
}
