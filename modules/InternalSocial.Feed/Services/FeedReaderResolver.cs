using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Feed.Services;

/// <summary>Resolves the reader once per request (permissions, department and site, readable groups).</summary>
internal sealed class FeedReaderResolver(IAuthorizationService authorization, IPeopleLookup people, IPostContainerAccess groups)
{
    private FeedReader? _reader;

    public async Task<FeedReader> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_reader is not null && ReferenceEquals(_reader.User, user))
        {
            return _reader;
        }

        var userId = user.GetUserId();
        var canView = await authorization.HasPermissionAsync(user, Permissions.View);
        var isModerator = await authorization.HasPermissionAsync(user, Permissions.Moderate);
        var me = userId.Length == 0 ? null : (await people.GetByIdsAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        var groupIds = await groups.GetReadableGroupIdsAsync(user, cancellationToken);
        var homeGroupIds = await groups.GetHomeFeedGroupIdsAsync(user, cancellationToken);
        return _reader = new FeedReader(user, userId, canView, isModerator, me?.Department, me?.Site, groupIds, homeGroupIds);
    }
}
