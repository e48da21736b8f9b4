using System.Security.Claims;
using InternalSocial.Groups.Abstractions;

namespace InternalSocial.Polls.Quizzes.GroupsBridge;

/// <summary>A person's groups and their names, from <see cref="IGroupAccess"/>.</summary>
internal sealed class QuizGroups(IGroupAccess groups) : IQuizGroups
{
    public async Task<IReadOnlyDictionary<long, string>> MemberGroupNamesAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await groups.GetNamesAsync(await groups.GetMemberGroupIdsAsync(user, cancellationToken), user, cancellationToken);
}
