using System.Security.Claims;

namespace InternalSocial.Polls.Quizzes;

/// <summary>The groups a person belongs to, by name, for the quiz form's group field; from the Groups bridge.</summary>
internal interface IQuizGroups
{
    Task<IReadOnlyDictionary<long, string>> MemberGroupNamesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
