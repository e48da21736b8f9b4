using System.Security.Claims;

namespace InternalSocial.Polls.Surveys;

/// <summary>Groups as a survey audience, from the Groups bridge; without it (Groups off) a survey cannot target groups.</summary>
internal interface ISurveyGroups
{
    Task<IReadOnlyCollection<long>> MemberGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The groups among these the author may read (an audience names only groups its author knows).</summary>
    Task<IReadOnlyCollection<long>> ReadableAsync(ClaimsPrincipal user, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken);

    Task<IReadOnlyCollection<string>> MemberIdsAsync(IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken);
}
